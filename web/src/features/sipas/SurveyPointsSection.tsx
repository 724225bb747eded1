/**
 * Into the PAR Index: the survey points each unit would receive from this survey, by the stated
 * rule survey points = survey max × the unit's published index (half-up to hundredths), with the
 * formula of every unit. The survey max is the one of the unit's criteria set.
 */
import { Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSurveyPoints } from './hooks.ts';

/** Survey max in points (as typed) → hundredths, or null when it is not a valid number. */
export function surveyMaxHundredths(value: number | string): number | null {
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0 || n > 1000) return null;
  return Math.round(n * 100);
}

export function SurveyPointsSection({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const [max, setMax] = useState<number | string>(10);
  const [debounced] = useDebouncedValue(max, 300);
  const hundredths = surveyMaxHundredths(debounced);
  const points = useSurveyPoints(campaignId, hundredths);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb={4}>
        {t('sipas.points.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sipas.points.rule')}
      </Text>
      <Group mb="sm">
        <NumberInput
          label={t('sipas.points.max')}
          description={t('sipas.points.maxHint')}
          value={max}
          onChange={setMax}
          min={0.01}
          max={1000}
          decimalScale={2}
          decimalSeparator=","
          w={260}
          error={hundredths === null ? t('sipas.points.maxInvalid') : undefined}
        />
      </Group>
      {hundredths === null ? null : points.isLoading ? (
        <LoadingState />
      ) : points.error ? (
        <ErrorAlert error={points.error} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label={t('sipas.points.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sipas.fields.unit')}</Table.Th>
                <Table.Th scope="col">{t('sipas.points.index')}</Table.Th>
                <Table.Th scope="col">{t('sipas.points.points')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(points.data?.items ?? []).map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text>{u.index.text}</Text>
                      <Text size="xs" c="dimmed">
                        {u.index.formula}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {u.points ? (
                      <Stack gap={0}>
                        <Text fw={500}>{u.points.text}</Text>
                        <Text size="xs" c="dimmed">
                          {u.points.formula}
                        </Text>
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('sipas.points.noIndex')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
