/**
 * The Decision 766/QĐ-TTg dashboard over the imported dossiers: five groups (publicity, progress,
 * digitisation, online services, satisfaction), each with the parts the data allows, the columns
 * they were computed from, and the fields still lacking (never counted as zero).
 */
import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatScaled } from '@domain/scoring/decimal.ts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { dossierApi, type Dashboard766 } from './api.ts';
import { columnLabel as columnLabelOf, dashboardText } from './logic.ts';
import {
  AreaPeriodPicker,
  DossiersTabs,
  pointsText,
  quarterLabel,
  useAreaPeriod,
} from './shared.tsx';

function Groups({ data, columnLabel }: { data: Dashboard766; columnLabel: (c: string) => string }) {
  const { t } = useTranslation();
  const d = data.dashboard;
  return (
    <Stack>
      <Title order={3} size="h4">
        {data.unit.name} — {quarterLabel(t, data.period)}
      </Title>
      {data.dossiers === 0 ? <Text c="dimmed">{t('dossiers.dashboard.noDossiers')}</Text> : null}
      <Text>
        {t('dossiers.dashboard.total', {
          points: pointsText(d.points),
          max: pointsText(d.computedMax),
          full: pointsText(d.max),
        })}
      </Text>
      {d.averageHandlingHoursTenths !== null ? (
        <Text size="sm">
          {t('dossiers.dashboard.handling', {
            hours: formatScaled(d.averageHandlingHoursTenths, 1),
          })}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {d.groups.map((g) => (
          <Paper
            key={g.key}
            withBorder
            p="md"
            component="section"
            aria-label={dashboardText(t, 'groups', g.key, g.name)}
          >
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={4} size="h5">
                  {dashboardText(t, 'groups', g.key, g.name)}
                </Title>
                <Badge
                  variant="light"
                  color={g.points === null ? 'gray' : g.complete ? 'green' : 'yellow'}
                  style={{ textTransform: 'none', flexShrink: 0 }}
                >
                  {g.points === null ? t('dossiers.dashboard.incomplete') : g.text}
                </Badge>
              </Group>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dossiers.dashboard.indicator')}</Table.Th>
                    <Table.Th ta="right">{t('dossiers.dashboard.rate')}</Table.Th>
                    <Table.Th ta="right">{t('dossiers.dashboard.points')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.indicators.map((i) => (
                    <Table.Tr key={i.key}>
                      <Table.Td>
                        <Text size="sm">{dashboardText(t, 'items', i.key, i.name)}</Text>
                        {i.missingFields.length > 0 ? (
                          <Text size="xs" c="orange">
                            {t('dossiers.dashboard.missing', {
                              fields: i.missingFields
                                .map((f) => dashboardText(t, 'fields', f.field, f.label))
                                .join('; '),
                            })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {i.rateText ?? '—'}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {i.points === null
                          ? `— / ${pointsText(i.max)}`
                          : `${pointsText(i.points)} / ${pointsText(i.max)}`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {g.usedFields.length > 0 ? (
                <Text size="xs" c="dimmed">
                  {t('dossiers.dashboard.used', {
                    fields: g.usedFields.map(columnLabel).join(', '),
                  })}
                </Text>
              ) : null}
              {g.missingFields.length > 0 ? (
                <List size="xs" c="orange">
                  <List.Item>
                    {t('dossiers.dashboard.missing', {
                      fields: g.missingFields
                        .map((f) => dashboardText(t, 'fields', f.field, f.label))
                        .join('; '),
                    })}
                  </List.Item>
                </List>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The dashboard page. */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.dashboard.title'));
  const { unitId, period } = useAreaPeriod();
  const data = useQuery({
    queryKey: ['dossiers', 'dashboard', unitId, period],
    queryFn: ({ signal }) => dossierApi.dashboard(unitId as number, period, signal),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
  const columns = useQuery({
    queryKey: ['dossiers', 'columns'],
    queryFn: ({ signal }) => dossierApi.columns(signal),
    staleTime: Infinity,
  });
  const columnLabel = (c: string) =>
    columnLabelOf(t, c, columns.data?.items.find((x) => x.column === c)?.label);
  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.dashboard.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('dossiers.dashboard.intro')}
      </Text>
      <AreaPeriodPicker />
      {unitId === null ? (
        <Text c="dimmed">{t('dossiers.area.pick')}</Text>
      ) : data.isLoading ? (
        <LoadingState />
      ) : data.error ? (
        <ErrorAlert error={data.error} />
      ) : data.data ? (
        <Groups data={data.data} columnLabel={columnLabel} />
      ) : null}
    </Stack>
  );
}
