/**
 * The ranking of a campaign per unit kind: filters by kind, class and name (on the ranking fetched
 * once); index, class, rank and year over year (value, ratio, rank change); class distribution per
 * kind; CSV and Excel.
 */
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { formatScaled } from '@domain/scoring/decimal.ts';
import { DEFAULT_PAR_BANDS, largestRemainderShares } from '@domain/scoring/index.ts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DraftDocumentButton } from '../documents/DraftDocumentButton.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useUnitKinds } from '../../lib/units.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { exportUrl, type Results } from './api.ts';
import { ClassChart } from './Charts.tsx';
import { classColor, classText } from './format.ts';
import { useResults } from './hooks.ts';
import { filterRanking } from './ranking.ts';

type Row = Results['units'][number];

/** Class counts and shares (largest remainder, adding up to 100 %). */
export function classDistribution(rows: ReadonlyArray<{ classLabel: string | null }>) {
  const labels = [...DEFAULT_PAR_BANDS.map((b) => b.label)];
  for (const r of rows)
    if (r.classLabel && !labels.includes(r.classLabel)) labels.push(r.classLabel);
  const counts = labels.map((l) => rows.filter((r) => r.classLabel === l).length);
  const shares = rows.length ? largestRemainderShares(counts, 1) : counts.map(() => 0);
  return labels.map((label, i) => ({
    label,
    count: counts[i] ?? 0,
    shareText: `${formatScaled(shares[i] ?? 0, 1)} %`,
  }));
}

/** The results page of a campaign. */
export function ResultsPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const language = useLanguage();
  const { kindName } = useUnitKinds(language);
  const mobile = useIsMobile();
  const [unitKind, setUnitKind] = useState<string | null>(null);
  const [classLabel, setClassLabel] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  // The whole ranking is fetched once; the filters apply to it here.
  const results = useResults(id);
  usePageTitle(t('campaigns.results.title'));
  const allRows = useMemo(() => results.data?.units ?? [], [results.data]);
  const rows = useMemo(
    () => filterRanking(allRows, { unitKind, classLabel, q: debounced }),
    [allRows, unitKind, classLabel, debounced],
  );
  const kinds = [...new Set(allRows.map((r) => r.unitKind))];
  const classes = [
    ...new Set(allRows.map((r) => r.classLabel).filter((c): c is string => c !== null)),
  ];

  const yoy = (r: Row) =>
    r.previous ? (
      <Stack gap={0}>
        <Text size="sm">
          {t('campaigns.results.previousValue', {
            year: r.previous.year,
            value: r.previous.indexText ?? '—',
          })}
        </Text>
        {r.previous.ratioText ? (
          <Text size="sm">{t('campaigns.results.ratio', { ratio: r.previous.ratioText })}</Text>
        ) : null}
        {r.previous.rank !== null ? (
          <Text size="xs" c="dimmed">
            {t('campaigns.results.previousRank', { rank: r.previous.rank })}
          </Text>
        ) : null}
      </Stack>
    ) : (
      t('common.none')
    );

  return (
    <Stack>
      <nav aria-label={t('campaigns.breadcrumb')}>
        <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
          <Anchor component={Link} to="/campaigns" size="sm">
            {t('campaigns.title')}
          </Anchor>
          <Anchor component={Link} to={`/campaigns/${id}`} size="sm">
            {results.data?.campaign.name ?? id}
          </Anchor>
          <Text size="sm" aria-current="page">
            {t('campaigns.results.title')}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between">
        <Title order={2}>{t('campaigns.results.title')}</Title>
        <Group gap="sm">
          <Anchor href={exportUrl(id, 'csv')}>{t('campaigns.results.exportCsv')}</Anchor>
          <Anchor href={exportUrl(id, 'xlsx')}>{t('campaigns.results.exportXlsx')}</Anchor>
          {results.data?.complete ? (
            <DraftDocumentButton
              request={{ type: 'campaign_report', campaignId: id }}
              annexUrl={exportUrl(id, 'xlsx')}
            />
          ) : null}
        </Group>
      </Group>
      {results.data && !results.data.complete ? (
        <Text size="sm" c="dimmed">
          {t('campaigns.results.publishedOnly')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('campaigns.results.kind')}
          clearable
          value={unitKind}
          onChange={setUnitKind}
          data={kinds.map((k) => ({ value: k, label: kindName(k) }))}
        />
        <Select
          label={t('campaigns.results.class')}
          clearable
          value={classLabel}
          onChange={setClassLabel}
          data={classes}
        />
        <TextInput
          label={t('campaigns.results.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
      </SimpleGrid>
      {results.isLoading ? (
        <LoadingState />
      ) : results.error ? (
        <ErrorAlert error={results.error} />
      ) : rows.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('campaigns.results.empty')}
        </Alert>
      ) : mobile ? (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('campaigns.results.tableLabel')}
        >
          {rows.map((r) => (
            <Card key={r.unitId} component="li" withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Anchor
                  component={Link}
                  to={`/campaigns/${id}/units/${r.unitId}/scorecard`}
                  fw={500}
                >
                  {r.unitName}
                </Anchor>
                <Text fw={600}>
                  {t('campaigns.results.rankValue', {
                    rank: r.rank ?? '—',
                    of: r.unitsRanked ?? '—',
                  })}
                </Text>
              </Group>
              <Text size="sm">
                {t('campaigns.results.index')}: {r.indexText ?? '—'} ·{' '}
                {t('campaigns.results.total')}: {r.totalText} / {r.maxTotalText}
                {r.provisional ? ` — ${t('campaigns.results.provisional')}` : ''}
              </Text>
              {r.classLabel ? (
                <Badge variant="light" color={classColor(r.classBand)}>
                  {classText(r.classLabel, r.classBand, t)}
                </Badge>
              ) : null}
              {r.previous ? <div>{yoy(r)}</div> : null}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label={t('campaigns.results.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.results.rank')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.results.unit')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.results.kind')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.results.total')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.results.index')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.results.class')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.results.previous')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.unitId} data-unit-code={r.unitCode}>
                  <Table.Td data-col="rank">
                    {t('campaigns.results.rankValue', {
                      rank: r.rank ?? '—',
                      of: r.unitsRanked ?? '—',
                    })}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/campaigns/${id}/units/${r.unitId}/scorecard`}>
                      {r.unitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{kindName(r.unitKind)}</Table.Td>
                  <Table.Td data-col="total">
                    {r.totalText} / {r.maxTotalText}
                    {r.provisional ? (
                      <Text size="xs" c="dimmed" title={t('campaigns.results.provisionalHint')}>
                        {t('campaigns.results.provisional')} —{' '}
                        {t('campaigns.results.provisionalNote')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td data-col="index">{r.indexText ?? '—'}</Table.Td>
                  <Table.Td data-col="class">
                    {r.classLabel ? (
                      <Badge variant="light" color={classColor(r.classBand)}>
                        {classText(r.classLabel, r.classBand, t)}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{yoy(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {kinds.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {kinds.map((k) => (
            <Paper key={k} withBorder p="md">
              <ClassChart
                title={t('campaigns.results.distribution', { kind: kindName(k) })}
                classes={
                  // The server's summary counts with the campaign's own bands.
                  results.data?.summaries?.find((s) => s.unitKind === k)?.classes ??
                  classDistribution(allRows.filter((r) => r.unitKind === k))
                }
              />
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
