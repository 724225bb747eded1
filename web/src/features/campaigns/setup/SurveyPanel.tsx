/**
 * Survey points of every unit: typed in per unit (within the set's survey max), taken from a SIPAS
 * survey (points = max × the unit's satisfaction index), or imported with the score file (rows
 * with node_code "survey").
 */
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { parsePoints, points, pointsInput } from '../format.ts';
import { setupApi, type SurveyRow } from './api.ts';
import { useSetupMutation, useSurvey } from './hooks.ts';
import { sourceKey } from './sources.ts';

/** The name of a source of survey points; a source this page does not know is shown as sent. */
function useSourceName(): (source: string) => string {
  const { t } = useTranslation();
  return (source) => {
    const key = sourceKey(source);
    return key ? t(key) : source;
  };
}

function SurveyUnitRow({ id, row }: { id: number; row: SurveyRow }) {
  const { t } = useTranslation();
  const sourceName = useSourceName();
  const [text, setText] = useState(pointsInput(row.pointsHundredths));
  const save = useSetupMutation((value: number) =>
    setupApi.saveSurvey(id, row.unitId, { pointsHundredths: value }),
  );
  const value = parsePoints(text);
  const tooHigh =
    value !== null && row.surveyMaxHundredths !== null && value > row.surveyMaxHundredths;
  const problem =
    text.trim() !== '' && value === null
      ? t('campaignSetup.general.badPoints')
      : tooHigh
        ? t('campaignSetup.survey.aboveMax', { max: points(row.surveyMaxHundredths) })
        : (save.error?.message ?? null);
  const changed = value !== row.pointsHundredths;
  return (
    <Table.Tr>
      <Table.Td>{row.unitName}</Table.Td>
      <Table.Td>{points(row.surveyMaxHundredths)}</Table.Td>
      <Table.Td w={150}>
        <TextInput
          aria-label={t('campaignSetup.survey.pointsOf', { unit: row.unitName })}
          value={text}
          inputMode="decimal"
          disabled={row.surveyMaxHundredths === null}
          onChange={(e) => setText(e.currentTarget.value)}
          error={problem}
        />
      </Table.Td>
      <Table.Td>{row.source ? sourceName(row.source) : '—'}</Table.Td>
      <Table.Td w={90}>
        <Button
          size="xs"
          variant="light"
          disabled={value === null || tooHigh || !changed}
          loading={save.isPending}
          onClick={() => value !== null && save.mutate(value)}
          aria-label={t('campaignSetup.survey.saveOf', { unit: row.unitName })}
        >
          {t('common.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function SurveyPanel({ id }: { id: number }) {
  const { t } = useTranslation();
  const sourceName = useSourceName();
  const survey = useSurvey(id);
  const sipas = useQuery({
    queryKey: ['campaigns', 'sipas-campaigns'],
    queryFn: ({ signal }) => setupApi.sipasCampaigns(signal),
  });
  const [sipasId, setSipasId] = useState<string | null>(null);
  const fromSipas = useSetupMutation((sid: number) =>
    setupApi.fromSipas(id, { sipasCampaignId: sid }),
  );

  if (survey.isLoading) return <LoadingState />;
  if (survey.error || !survey.data) return <ErrorAlert error={survey.error} />;
  const items = survey.data.items;

  return (
    <Stack>
      <Title order={3} size="h4" id="survey-title">
        {t('campaignSetup.survey.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('campaignSetup.survey.hint', {
          source: sourceName(survey.data.surveySource),
        })}
      </Text>
      {items.length === 0 ? (
        <Text size="sm">{t('campaignSetup.survey.noUnits')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="survey-title" verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaignSetup.survey.unit')}</Table.Th>
                <Table.Th>{t('campaignSetup.survey.max')}</Table.Th>
                <Table.Th>{t('campaignSetup.survey.points')}</Table.Th>
                <Table.Th>{t('campaignSetup.survey.source')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <SurveyUnitRow
                  key={`${row.unitId}-${row.pointsHundredths ?? ''}`}
                  id={id}
                  row={row}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('campaignSetup.survey.sipasTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('campaignSetup.survey.sipasHint')}
        </Text>
        <ErrorAlert error={fromSipas.error} />
        {fromSipas.data ? (
          <Text c="green" role="status">
            {t('campaignSetup.survey.sipasDone', { count: fromSipas.data.applied })}
            {fromSipas.data.withoutAnswers.length > 0
              ? ` ${t('campaignSetup.survey.sipasMissing', {
                  units: fromSipas.data.withoutAnswers.map((u) => u.unitName).join(', '),
                })}`
              : ''}
          </Text>
        ) : null}
        <Group align="flex-end">
          <Select
            label={t('campaignSetup.survey.sipasPick')}
            value={sipasId}
            onChange={setSipasId}
            data={(sipas.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            w={{ base: '100%', sm: 360 }}
            nothingFoundMessage={t('campaignSetup.survey.sipasNone')}
          />
          <Button
            disabled={!sipasId}
            loading={fromSipas.isPending}
            onClick={() => sipasId && fromSipas.mutate(Number(sipasId))}
          >
            {t('campaignSetup.survey.sipasApply')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
