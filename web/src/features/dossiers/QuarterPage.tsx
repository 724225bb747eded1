/**
 * The quarterly view of a district or province: units by class with counts ("no dossiers yet" and
 * "not scored yet" as their own states), each unit's nine indicators and total, the receiving
 * officials, the area's rates against their targets and each unit's rates, every number a link to
 * the dossiers behind it, late dossiers, the rates over the last quarters, and the Excel export.
 */
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DraftDocumentButton } from '../documents/DraftDocumentButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { formatDateTime } from '../../lib/dates.ts';
import {
  RATE_KEYS,
  LATE_PAGE,
  dossierApi,
  quarterXlsxUrl,
  type Evaluation,
  type QuarterView,
  type Rate,
  type RateKey,
} from './api.ts';
import { ClassCountChart, RatesCharts } from './Charts.tsx';
import { basisText, summaryLine } from './logic.ts';
import {
  AreaPeriodPicker,
  ClassBadge,
  DossiersTabs,
  TargetBadge,
  dossiersOf,
  evaluationLabel,
  pointsText,
  quarterLabel,
  rateText,
  useAreaPeriod,
} from './shared.tsx';

const INDICATORS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * The address of the dossier list behind one part of a rate: the figure of `unitId` as the view of
 * `within` shows it (its subtree), or of an official of the unit.
 */
export function rateListUrl(
  unitId: number,
  period: string,
  rate: RateKey,
  part: 'numerator' | 'denominator',
  officialCode?: string,
  within?: number,
): string {
  const p = new URLSearchParams({ unitId: String(unitId), period, rate, part });
  if (officialCode) p.set('officialCode', officialCode);
  if (within !== undefined && within !== unitId) p.set('within', String(within));
  return `/dossiers/list?${p.toString()}`;
}

/** The method settings the figures were computed with, shown with them. */
function MethodNote({ view }: { view: QuarterView }) {
  const { t } = useTranslation();
  const m = view.method;
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('dossiers.method.title')}
          </Title>
          <Anchor component={Link} to={`/dossiers/method?unitId=${view.unit.id}`} size="sm">
            {t('dossiers.method.link')}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          {m.setOn === null
            ? t('dossiers.method.sourceDefault')
            : t('dossiers.method.sourceUnit', { unit: m.setOn.name })}
        </Text>
        <List size="sm">
          <List.Item>{t(`dossiers.method.divisor.${m.values.divisor}`)}</List.Item>
          <List.Item>{t(`dossiers.method.fewIndicators.${m.values.fewIndicators}`)}</List.Item>
          <List.Item>{t(`dossiers.method.dueWithoutTime.${m.values.dueWithoutTime}`)}</List.Item>
        </List>
      </Stack>
    </Paper>
  );
}

/** "3 / 40" with each number linking to its dossiers. */
function RateParts({
  rate,
  unitId,
  period,
  officialCode,
  within,
}: {
  rate: Rate;
  unitId: number;
  period: string;
  officialCode?: string;
  within?: number;
}) {
  const { t } = useTranslation();
  const name = t(`dossiers.rates.${rate.key}`);
  const link = (part: 'numerator' | 'denominator', count: number) => (
    <Anchor
      component={Link}
      to={rateListUrl(unitId, period, rate.key, part, officialCode, within)}
      aria-label={t(
        part === 'numerator' ? 'dossiers.quarter.numLink' : 'dossiers.quarter.denLink',
        {
          count,
          rate: name,
        },
      )}
    >
      {count}
    </Anchor>
  );
  // Procedures (not dossiers) count in the postal-procedures rate: no dossier list behind it.
  if (rate.key === 'postal-procedures') return <>{`${rate.num} / ${rate.den}`}</>;
  return (
    <Group gap={4} wrap="nowrap">
      {link('numerator', rate.num)}
      <span>/</span>
      {link('denominator', rate.den)}
    </Group>
  );
}

function EvaluationCells({ e }: { e: Evaluation }) {
  const { t } = useTranslation();
  if (e.state !== 'scored') {
    return (
      <Table.Td colSpan={10}>
        <Text size="sm" c="dimmed">
          {evaluationLabel(t, e)}
        </Text>
      </Table.Td>
    );
  }
  return (
    <>
      {e.indicators.map((i) => (
        <Table.Td key={i.id} ta="right">
          {i.score === null ? (
            <Text span size="sm" c="dimmed">
              {t('dossiers.states.notScoredIndicator')}
            </Text>
          ) : (
            pointsText(i.score)
          )}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={600}>
        {e.text}
      </Table.Td>
    </>
  );
}

function IndicatorHeads() {
  const { t } = useTranslation();
  return (
    <>
      {INDICATORS.map((id) => (
        <Table.Th key={id} ta="right">
          <Tooltip label={t(`dossiers.indicators.${id}`)} multiline w={260}>
            <abbr title={t(`dossiers.indicators.${id}`)} style={{ textDecoration: 'none' }}>
              {t('dossiers.indicators.short', { id })}
            </abbr>
          </Tooltip>
        </Table.Th>
      ))}
      <Table.Th ta="right">{t('dossiers.quarter.totalCol')}</Table.Th>
    </>
  );
}

/** Counts per class in band order, then the two states; from the rows, in the user's language. */
function classCounts(t: TFunction, view: QuarterView, rows: QuarterView['groups'][number]['rows']) {
  const labels = [
    ...view.bands.bands.map((b) => b.label),
    t('dossiers.states.unclassified'),
    t('dossiers.states.no-dossiers'),
    t('dossiers.states.not-scored'),
  ];
  const counts = new Map<string, number>();
  for (const r of rows) {
    const label = evaluationLabel(t, r.evaluation);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return labels
    .filter((l) => counts.has(l))
    .map((label) => ({ label, count: counts.get(label) ?? 0 }));
}

function QuarterContent({ view }: { view: QuarterView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const bandLabels = view.bands.bands.map((b) => b.label);
  const history = useQuery({
    queryKey: ['dossiers', 'history', view.unit.id, view.period],
    queryFn: ({ signal }) => dossierApi.history(view.unit.id, view.period, 4, signal),
  });
  const period = view.period;
  const [onlyWithData, setOnlyWithData] = useState(false);
  // A unit without subordinates (a commune) is shown as its own single row.
  const grouped = view.groups.flatMap((g) => g.rows);
  const allRows =
    grouped.length > 0
      ? grouped
      : [
          {
            unitId: view.unit.id,
            unitCode: view.unit.code,
            unitName: view.unit.name,
            label: evaluationLabel(t, view.area.evaluation),
            evaluation: view.area.evaluation,
            rates: view.area.rates,
          },
        ];
  // Units with dossiers first (in the server's order), then those without; or only the former.
  const withData = allRows.filter((r) => r.evaluation.state !== 'no-dossiers');
  const shownRows = onlyWithData
    ? withData
    : [...withData, ...allRows.filter((r) => r.evaluation.state === 'no-dossiers')];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h3">
            {view.unit.name} — {quarterLabel(t, period)}
          </Title>
          <Text size="sm" c="dimmed">
            {t('dossiers.quarter.areaDossiers', { count: view.area.dossiers })} ·{' '}
            {t('dossiers.quarter.bands', { name: view.bands.name })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button component="a" href={quarterXlsxUrl(view.unit.id, period)} variant="default">
            {t('dossiers.quarter.exportXlsx')}
          </Button>
          <DraftDocumentButton
            request={{ type: 'dossier_quarter_report', unitId: view.unit.id, period }}
            annexUrl={quarterXlsxUrl(view.unit.id, period)}
          />
          <Button
            component={Link}
            to={`/dossiers/dashboard?unitId=${view.unit.id}&period=${period}`}
            variant="subtle"
          >
            {t('dossiers.quarter.dashboard')}
          </Button>
        </Group>
      </Group>

      <MethodNote view={view} />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('dossiers.quarter.classes')}
          </Title>
          {grouped.length === 0 ? (
            <Group gap="xs">
              <Text size="sm">{view.unit.name}:</Text>
              <ClassBadge evaluation={view.area.evaluation} bandLabels={bandLabels} />
            </Group>
          ) : null}
          {view.groups.map((g) => (
            <Stack key={g.kind} gap={4}>
              <ClassCountChart
                title={`${t('dossiers.quarter.classesChart')} (${g.rows.length})`}
                counts={classCounts(t, view, g.rows)}
                bandLabels={bandLabels}
              />
              <Text size="sm" c="dimmed">
                {summaryLine(t, g.counts, language)}
              </Text>
            </Stack>
          ))}
        </Stack>
      </Paper>

      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h4">
            {t('dossiers.quarter.unitsTitle')}
          </Title>
          {allRows.length > 1 ? (
            <Checkbox
              label={t('dossiers.quarter.onlyWithData', {
                count: withData.length,
                total: allRows.length,
              })}
              checked={onlyWithData}
              onChange={(e) => setOnlyWithData(e.currentTarget.checked)}
            />
          ) : null}
        </Group>
        {shownRows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dossiers.quarter.noneWithData')}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover aria-label={t('dossiers.quarter.unitsTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossiers.quarter.unitCol')}</Table.Th>
                <Table.Th ta="right">{t('dossiers.quarter.dossiersCol')}</Table.Th>
                <IndicatorHeads />
                <Table.Th>{t('dossiers.quarter.classCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shownRows.map((r) => (
                <Table.Tr key={r.unitId}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/dossiers/list?unitId=${r.unitId}&period=${period}`}
                      aria-label={t('dossiers.quarter.unitDossiers', { unit: r.unitName })}
                    >
                      {r.unitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{dossiersOf(r.evaluation)}</Table.Td>
                  <EvaluationCells e={r.evaluation} />
                  <Table.Td>
                    <ClassBadge evaluation={r.evaluation} bandLabels={bandLabels} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('dossiers.quarter.ratesTitle')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('dossiers.quarter.ratesTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossiers.quarter.rateCol')}</Table.Th>
                <Table.Th ta="right">{t('dossiers.quarter.valueCol')}</Table.Th>
                <Table.Th>{t('dossiers.quarter.partsCol')}</Table.Th>
                <Table.Th>{t('dossiers.quarter.targetCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {RATE_KEYS.map((key) => {
                const rate = view.area.rates[key];
                return (
                  <Table.Tr key={key}>
                    <Table.Td>
                      <Text size="sm">{t(`dossiers.rates.${key}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {basisText(t, rate)}
                      </Text>
                      {key === 'postal-procedures' ? (
                        <Anchor
                          component={Link}
                          to={`/dossiers/postal-catalogue?unitId=${view.unit.id}`}
                          size="xs"
                        >
                          {t('dossiers.quarter.postalCatalogueLink')}
                        </Anchor>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{rateText(t, rate)}</Table.Td>
                    <Table.Td>
                      <RateParts rate={rate} unitId={view.unit.id} period={period} />
                      {key.startsWith('postal') && view.area.withoutPostalCatalogue > 0 ? (
                        <Text size="xs" c="dimmed">
                          {t('dossiers.quarter.withoutPostalCatalogue', {
                            count: view.area.withoutPostalCatalogue,
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <TargetBadge rate={rate} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('dossiers.quarter.unitRatesTitle')}
        </Title>
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('dossiers.quarter.unitRatesTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossiers.quarter.unitCol')}</Table.Th>
                {RATE_KEYS.filter((k) => k !== 'postal-procedures').map((k) => (
                  <Table.Th key={k}>{t(`dossiers.rates.${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {allRows
                .filter((r) => r.evaluation.state !== 'no-dossiers')
                .map((r) => (
                  <Table.Tr key={r.unitId}>
                    <Table.Td>{r.unitName}</Table.Td>
                    {RATE_KEYS.filter((k) => k !== 'postal-procedures').map((k) => {
                      const rate = r.rates[k];
                      return (
                        <Table.Td key={k}>
                          <Text
                            size="sm"
                            fw={500}
                            c={rate.target?.met === false ? 'red' : undefined}
                          >
                            {rateText(t, rate)}
                          </Text>
                          <RateParts
                            rate={rate}
                            unitId={r.unitId}
                            period={period}
                            within={view.unit.id}
                          />
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('dossiers.quarter.officialsTitle')}
        </Title>
        {view.officials.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dossiers.quarter.noOfficials')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table striped aria-label={t('dossiers.quarter.officialsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dossiers.quarter.officialCol')}</Table.Th>
                  <Table.Th>{t('dossiers.quarter.unitCol')}</Table.Th>
                  <Table.Th ta="right">{t('dossiers.quarter.dossiersCol')}</Table.Th>
                  <IndicatorHeads />
                  <Table.Th>{t('dossiers.quarter.classCol')}</Table.Th>
                  <Table.Th>{t('dossiers.rates.on-time-or-early')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.officials.map((o) => (
                  <Table.Tr key={`${o.unitId}-${o.officialCode}`}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/dossiers/list?unitId=${o.unitId}&period=${period}&officialCode=${encodeURIComponent(o.officialCode)}`}
                      >
                        {o.officialCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{o.unitName}</Table.Td>
                    <Table.Td ta="right">{dossiersOf(o.evaluation)}</Table.Td>
                    <EvaluationCells e={o.evaluation} />
                    <Table.Td>
                      <ClassBadge evaluation={o.evaluation} bandLabels={bandLabels} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{rateText(t, o.rates['on-time-or-early'])}</Text>
                      <RateParts
                        rate={o.rates['on-time-or-early']}
                        unitId={o.unitId}
                        period={period}
                        officialCode={o.officialCode}
                        within={view.unit.id}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <LateList key={`${view.unit.id} ${view.period} ${view.late.asOf}`} view={view} />

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('dossiers.quarter.chartsTitle')}
        </Title>
        {history.data ? (
          <RatesCharts history={history.data} />
        ) : (
          <ErrorAlert error={history.error} />
        )}
      </Stack>
    </Stack>
  );
}

/**
 * The late list: its first page comes with the view; "Xem thêm" reads the next page through the
 * cursor of the last one and adds it below, until the list is complete.
 */
function LateList({ view }: { view: QuarterView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [more, setMore] = useState<{
    items: QuarterView['late']['items'];
    cursor: string | null;
    error: unknown;
    loading: boolean;
  }>({ items: [], cursor: view.late.nextCursor, error: null, loading: false });
  const items = [...view.late.items, ...more.items];
  const next = async () => {
    if (more.cursor === null) return;
    setMore((m) => ({ ...m, loading: true, error: null }));
    try {
      const page = await dossierApi.quarterLatePage(view.unit.id, view.period, more.cursor);
      setMore((m) => ({
        items: [...m.items, ...page.late.items],
        cursor: page.late.nextCursor,
        error: null,
        loading: false,
      }));
    } catch (error) {
      setMore((m) => ({ ...m, error, loading: false }));
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('dossiers.quarter.lateTitle', { count: view.late.total })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('dossiers.quarter.lateAsOf', { time: formatDateTime(view.late.asOf, language) })}
      </Text>
      {view.late.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dossiers.quarter.noLate')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={t('dossiers.quarter.lateTitle', { count: view.late.total })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dossiers.import.code')}</Table.Th>
                  <Table.Th>{t('dossiers.quarter.unitCol')}</Table.Th>
                  <Table.Th>{t('dossiers.list.procedure')}</Table.Th>
                  <Table.Th>{t('dossiers.list.due')}</Table.Th>
                  <Table.Th>{t('dossiers.list.finished')}</Table.Th>
                  <Table.Th>{t('dossiers.import.timelinessCol')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.code}>
                    <Table.Td>{d.code}</Table.Td>
                    <Table.Td>{d.unit.name}</Table.Td>
                    <Table.Td>{d.procedureName || d.procedureCode}</Table.Td>
                    <Table.Td>{d.dueAt ? formatDateTime(d.dueAt, language) : '—'}</Table.Td>
                    <Table.Td>
                      {d.finishedAt ? formatDateTime(d.finishedAt, language) : '—'}
                    </Table.Td>
                    <Table.Td>
                      {t(
                        d.timeliness === 'late'
                          ? 'dossiers.timeliness.late'
                          : 'dossiers.quarter.overdueOpen',
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('dossiers.quarter.lateShown', { shown: items.length, total: view.late.total })}
          </Text>
          {more.error ? <ErrorAlert error={more.error} /> : null}
          <Group>
            {more.cursor !== null ? (
              <Button variant="light" onClick={() => void next()} loading={more.loading}>
                {t('dossiers.quarter.lateMore', { count: LATE_PAGE })}
              </Button>
            ) : null}
            <Anchor
              component={Link}
              to={`/dossiers/list?unitId=${view.unit.id}&period=${view.period}&timeliness=overdue`}
            >
              {t('dossiers.quarter.allLate')}
            </Anchor>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** The quarterly view page. */
export function QuarterPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.quarter.title'));
  const { unitId, period } = useAreaPeriod();
  const view = useQuery({
    queryKey: ['dossiers', 'quarter', unitId, period],
    queryFn: ({ signal }) => dossierApi.quarter(unitId as number, period as string, signal),
    enabled: unitId !== null && period !== null,
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.quarter.title')}</Title>
      <AreaPeriodPicker />
      {unitId === null || period === null ? (
        <Text c="dimmed">{t('dossiers.area.pick')}</Text>
      ) : view.isLoading ? (
        <LoadingState />
      ) : view.error ? (
        <ErrorAlert error={view.error} />
      ) : view.data ? (
        <QuarterContent view={view.data} />
      ) : null}
    </Stack>
  );
}
