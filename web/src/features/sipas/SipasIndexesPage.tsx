/**
 * The satisfaction indexes of a campaign, every number with its formula underneath: the overall
 * index by both methods and for the usual choices of satisfied levels, the table of votes per level
 * per field (as seed 000 reports it), each element's index with its rank (as seed 004 reports it),
 * per field and per unit, charts, the open suggestions (searchable), and the Excel export.
 */
import {
  Anchor,
  Button,
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
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import {
  indexesXlsxUrl,
  sipasApi,
  type IndexesView,
  type ScopeFilter,
  type SipasCampaign,
} from './api.ts';
import { IndexBars, TrendChart } from './Charts.tsx';
import {
  sipasKeys,
  useSipasCampaign,
  useSipasCampaigns,
  useSipasIndexes,
  useSipasResponses,
} from './hooks.ts';
import { ranksOf, trendPoints, type TrendPoint } from './logic.ts';
import { CampaignLinks, IndexFigure, SipasCrumbs } from './parts.tsx';
import { useCanManage } from './SipasCampaignPage.tsx';

export function SipasIndexesPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useSipasCampaign(id);
  usePageTitle(
    campaign.data ? `${t('sipas.indexes.title')} · ${campaign.data.name}` : t('sipas.title'),
  );
  if (campaign.isLoading) return <LoadingState />;
  if (campaign.error || !campaign.data) return <ErrorAlert error={campaign.error} />;
  return <IndexesView campaign={campaign.data} />;
}

function IndexesView({ campaign }: { campaign: SipasCampaign }) {
  const { t } = useTranslation();
  const canManage = useCanManage(campaign.id);
  const [unit, setUnit] = useState<string | null>(null);
  const [field, setField] = useState<string | null>(null);
  const filter: ScopeFilter = {
    ...(unit ? { unit: Number(unit) } : {}),
    ...(field ? { field } : {}),
  };
  const indexes = useSipasIndexes(campaign.id, filter);
  const view = indexes.data;

  return (
    <Stack>
      <SipasCrumbs id={campaign.id} name={campaign.name} here={t('sipas.indexes.title')} />
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('sipas.indexes.title')}</Title>
        <Button component="a" href={indexesXlsxUrl(campaign.id, filter)} variant="default" download>
          {t('sipas.indexes.exportXlsx')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        {campaign.name}
      </Text>
      <CampaignLinks id={campaign.id} channels={campaign.channels} canManage={canManage} />
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('sipas.fields.unit')}
          placeholder={t('sipas.indexes.allUnits')}
          data={campaign.units.map((u) => ({ value: String(u.unitId), label: u.name }))}
          value={unit}
          onChange={setUnit}
          clearable
          searchable
          w={280}
        />
        <Select
          label={t('sipas.fields.field')}
          placeholder={t('sipas.indexes.allFields')}
          data={campaign.fields.map((f) => ({ value: f.id, label: f.name }))}
          value={field}
          onChange={setField}
          clearable
          w={280}
        />
      </Group>
      {indexes.isLoading ? (
        <LoadingState />
      ) : indexes.error || !view ? (
        <ErrorAlert error={indexes.error} />
      ) : (
        <>
          <OverallSection view={view} />
          <LevelTableSection view={view} />
          <ElementsSection view={view} />
          <FieldsSection view={view} />
          {view.byUnit.length > 1 ? <UnitsSection view={view} /> : null}
          <TrendSection campaign={campaign} />
          <SuggestionsSection campaign={campaign} filter={filter} />
        </>
      )}
    </Stack>
  );
}

function OverallSection({ view }: { view: IndexesView }) {
  const { t } = useTranslation();
  const all = view.all;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sipas-overall">
      <Title order={3} size="h4" id="sipas-overall" mb="sm">
        {t('sipas.indexes.overall')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <IndexFigure
          label={t('sipas.indexes.published', { method: all.published.methodLabel })}
          index={all.published.index}
          testId="sipas-published"
        />
        <IndexFigure label={t('sipas.indexes.elementMean')} index={all.elementMean} size="lg" />
        <IndexFigure label={t('sipas.indexes.overallShare')} index={all.overallShare} size="lg" />
      </SimpleGrid>
      <Text size="sm" mt="sm">
        {t('sipas.indexes.basis', { count: all.responses, satisfied: view.satisfiedLabel })}
      </Text>
      <Title order={4} size="h5" mt="md" mb="xs">
        {t('sipas.indexes.alternatives')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label={t('sipas.indexes.alternatives')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sipas.fields.satisfied')}</Table.Th>
              <Table.Th scope="col">{t('sipas.indexes.overallShare')}</Table.Th>
              <Table.Th scope="col">{t('sipas.indexes.elementMean')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.alternatives.map((a) => (
              <Table.Tr key={a.satisfiedLabel}>
                <Table.Th scope="row" fw={400}>
                  {a.satisfiedLabel}
                </Table.Th>
                <Table.Td>
                  <Text fw={500}>{a.overallShare.text}</Text>
                  <Text size="xs" c="dimmed">
                    {a.overallShare.formula}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fw={500}>{a.elementMean.text}</Text>
                  <Text size="xs" c="dimmed">
                    {a.elementMean.formula}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Seed 000's table: votes per level per field on the overall question, with percentages. */
function LevelTableSection({ view }: { view: IndexesView }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const table = view.table;
  const rows = [...table.rows, table.totals];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sipas-levels">
      <Title order={3} size="h4" id="sipas-levels" mb={4}>
        {t('sipas.indexes.levelTable')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sipas.indexes.levelTableHint', { question: view.all.overallQuestion.questionId })}
      </Text>
      {mobile ? (
        <Stack gap="xs">
          {rows.map((r) => (
            <Card key={r.key} withBorder padding="sm">
              <Group justify="space-between">
                <Text fw={500}>{r.label}</Text>
                <Text fw={700}>{r.index.text}</Text>
              </Group>
              <Text size="xs" c="dimmed">
                {r.index.formula}
              </Text>
              <Text size="sm" mt={4}>
                {r.summary}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder withColumnBorders aria-label={t('sipas.indexes.levelTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sipas.fields.field')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('sipas.indexes.valid')}
                </Table.Th>
                {table.columns.map((c) => (
                  <Table.Th key={c.level} scope="col" ta="right">
                    {c.label}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  {t('sipas.indexes.satisfiedShare', { label: table.satisfiedLabel })}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key} fw={r.key === 'total' ? 700 : undefined}>
                  <Table.Th scope="row" fw={r.key === 'total' ? 700 : 400}>
                    {r.label}
                  </Table.Th>
                  <Table.Td ta="right">{r.valid}</Table.Td>
                  {r.cells.map((c) => (
                    <Table.Td key={String(c.level)} ta="right" title={c.formula}>
                      <Text size="sm">{c.count}</Text>
                      <Text size="xs" c="dimmed">
                        {c.text}
                      </Text>
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    <Text size="sm" fw={700}>
                      {r.index.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.index.formula}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {table.note}
      </Text>
    </Paper>
  );
}

/** Seed 004's view: each element's index with its formula, rank among the units, and the bars. */
function ElementsSection({ view }: { view: IndexesView }) {
  const { t } = useTranslation();
  const elements = view.all.elements;
  // Ranks among the units of the campaign (only meaningful with several units and one selected).
  const ranks = useMemo(() => {
    if (view.unitId === null || view.byUnit.length < 2) return null;
    const overall = ranksOf(
      view.byUnit.map((u) => ({
        id: String(u.unitId),
        hundredths: u.indexes.published.index.hundredths,
      })),
    );
    const perElement = new Map(
      elements.map((e) => [
        e.elementId,
        ranksOf(
          view.byUnit.map((u) => ({
            id: String(u.unitId),
            hundredths:
              u.indexes.elements.find((x) => x.elementId === e.elementId)?.index.hundredths ?? null,
          })),
        ),
      ]),
    );
    return { overall, perElement };
  }, [view, elements]);
  const unitKey = view.unitId === null ? null : String(view.unitId);
  const rankText = (rank: number | undefined) =>
    rank === undefined ? '' : t('sipas.indexes.rankSuffix', { rank });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sipas-elements">
      <Title order={3} size="h4" id="sipas-elements" mb="sm">
        {t('sipas.indexes.elements')}
      </Title>
      <Stack gap={4} mb="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        <Text component="li" size="sm" fw={500}>
          {view.all.published.index.hundredths === null
            ? t('sipas.indexes.overallSentenceNone')
            : t('sipas.indexes.overallSentence', {
                value: view.all.published.index.text,
                rank: rankText(unitKey ? ranks?.overall.get(unitKey) : undefined),
              })}
        </Text>
        {elements.map((e) => (
          <Text component="li" size="sm" key={e.elementId}>
            {e.index.hundredths === null
              ? t('sipas.indexes.elementSentenceNone', { name: e.name })
              : t('sipas.indexes.elementSentence', {
                  name: e.name,
                  value: e.index.text,
                  rank: rankText(
                    unitKey ? ranks?.perElement.get(e.elementId)?.get(unitKey) : undefined,
                  ),
                })}
          </Text>
        ))}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <IndexBars
          title={t('sipas.indexes.elementChart')}
          bars={elements.map((e) => ({
            key: e.elementId,
            label: e.name,
            hundredths: e.index.hundredths,
            text: e.index.text,
            formula: e.index.formula,
          }))}
        />
        <Table.ScrollContainer minWidth={420}>
          <Table aria-label={t('sipas.indexes.elements')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sipas.indexes.element')}</Table.Th>
                <Table.Th scope="col">{t('sipas.indexes.index')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {elements.map((e) => (
                <Table.Tr key={e.elementId}>
                  <Table.Th scope="row" fw={400}>
                    {e.name}
                  </Table.Th>
                  <Table.Td>
                    <Text fw={500}>{e.index.text}</Text>
                    <Text size="xs" c="dimmed">
                      {e.index.formula}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SimpleGrid>
    </Paper>
  );
}

function FieldsSection({ view }: { view: IndexesView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sipas-fields">
      <Title order={3} size="h4" id="sipas-fields" mb="sm">
        {t('sipas.indexes.byField')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <IndexBars
          title={t('sipas.indexes.fieldChart', { method: view.overallMethodLabel })}
          bars={view.byField.map((f) => ({
            key: f.fieldId,
            label: f.name,
            hundredths: f.indexes.published.index.hundredths,
            text: f.indexes.published.index.text,
            formula: f.indexes.published.index.formula,
          }))}
        />
        <ScopeTable
          label={t('sipas.indexes.byField')}
          head={t('sipas.fields.field')}
          rows={view.byField.map((f) => ({ key: f.fieldId, name: f.name, indexes: f.indexes }))}
        />
      </SimpleGrid>
    </Paper>
  );
}

function UnitsSection({ view }: { view: IndexesView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sipas-units">
      <Title order={3} size="h4" id="sipas-units" mb="sm">
        {t('sipas.indexes.byUnit')}
      </Title>
      <ScopeTable
        label={t('sipas.indexes.byUnit')}
        head={t('sipas.fields.unit')}
        rows={view.byUnit.map((u) => ({ key: String(u.unitId), name: u.name, indexes: u.indexes }))}
      />
    </Paper>
  );
}

function ScopeTable({
  label,
  head,
  rows,
}: {
  label: string;
  head: string;
  rows: ReadonlyArray<{ key: string; name: string; indexes: IndexesView['all'] }>;
}) {
  const { t } = useTranslation();
  const cell = (i: { text: string; formula: string }) => (
    <>
      <Text size="sm" fw={500}>
        {i.text}
      </Text>
      <Text size="xs" c="dimmed">
        {i.formula}
      </Text>
    </>
  );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{head}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('sipas.indexes.forms')}
            </Table.Th>
            <Table.Th scope="col">{t('sipas.indexes.elementMean')}</Table.Th>
            <Table.Th scope="col">{t('sipas.indexes.overallShare')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={400}>
                {r.name}
              </Table.Th>
              <Table.Td ta="right">{r.indexes.responses}</Table.Td>
              <Table.Td>{cell(r.indexes.elementMean)}</Table.Td>
              <Table.Td>{cell(r.indexes.overallShare)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The published index of this campaign and the other ones of the same owner, by period. */
function TrendSection({ campaign }: { campaign: SipasCampaign }) {
  const { t } = useTranslation();
  const list = useSipasCampaigns();
  const peers = (list.data?.items ?? [])
    .filter((c) => c.ownerName === campaign.ownerName)
    .sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1))
    .slice(0, 8);
  const results = useQueries({
    queries: peers.map((c) => ({
      queryKey: sipasKeys.indexes(c.id, {}),
      queryFn: ({ signal }: { signal: AbortSignal }) => sipasApi.indexes(c.id, {}, signal),
    })),
  });
  const points: TrendPoint[] = trendPoints(
    peers.flatMap((c, i) => {
      const data = results[i]?.data;
      if (!data) return [];
      return [
        {
          campaignId: c.id,
          label: c.periodEnd.slice(0, 4),
          periodEnd: c.periodEnd,
          hundredths: data.all.published.index.hundredths,
          text: data.all.published.index.text,
        },
      ];
    }),
  );
  return (
    <Paper withBorder p="md" component="section">
      <TrendChart
        title={t('sipas.indexes.trend')}
        points={points}
        emptyText={t('sipas.indexes.trendEmpty')}
      />
    </Paper>
  );
}

const PAGE = 20;

function SuggestionsSection({
  campaign,
  filter,
}: {
  campaign: SipasCampaign;
  filter: ScopeFilter;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [limit, setLimit] = useState(PAGE);
  const list = useSipasResponses(campaign.id, {
    ...filter,
    suggestions: true,
    q: debounced.trim(),
    limit,
    offset: 0,
  });
  const items = list.data?.items ?? [];
  const fieldName = (id: string) => campaign.fields.find((f) => f.id === id)?.name ?? id;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sipas-suggestions">
      <Title order={3} size="h4" id="sipas-suggestions" mb="sm">
        {t('sipas.suggestions.title')}
      </Title>
      <TextInput
        label={t('sipas.suggestions.search')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setLimit(PAGE);
        }}
        maw={420}
        mb="sm"
      />
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {t('sipas.suggestions.none')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('sipas.suggestions.title')}
        >
          {items.map((r) => (
            <Card key={r.id} component="li" withBorder padding="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.suggestion}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {[
                  r.unitName,
                  fieldName(r.fieldId),
                  r.paperSerial ? t('sipas.suggestions.serial', { serial: r.paperSerial }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {list.data ? (
        <Group mt="xs" gap="sm">
          <Text size="sm" c="dimmed">
            {t('common.shownOfTotal', { shown: items.length, total: list.data.total })}
          </Text>
          {items.length < list.data.total ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => setLimit((l) => l + PAGE)}
            >
              {t('common.loadMore')}
            </Anchor>
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}
