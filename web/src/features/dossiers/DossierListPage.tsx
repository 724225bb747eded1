/**
 * The dossiers behind a number: filtered by unit (its subtree), quarter, receiving official,
 * timeliness, a text search, or one part (numerator or denominator) of a rate; paged.
 */
import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { RATE_KEYS, dossierApi, type Dossier, type DossierFilter, type RateKey } from './api.ts';
import { AreaPeriodPicker, DossiersTabs, pointsText, useAreaPeriod } from './shared.tsx';

const PAGE = 25;
const TIMELINESS = ['early', 'on-time', 'late', 'pending', 'no-due-date', 'overdue'] as const;

/** One dossier: its data, the points of each indicator and the citizen's rating. */
function DossierDetail({ d }: { d: Dossier }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const when = (v: string | null) => (v ? formatDateTime(v, language) : '—');
  const count = (v: number | null) => (v === null ? '—' : String(v));
  const rows: [string, string][] = [
    [t('dossiers.import.unit'), `${d.unit.name} (${d.unit.code})`],
    [t('dossiers.list.procedure'), `${d.procedureName} (${d.procedureCode})`],
    [t('dossiers.list.field'), d.field || '—'],
    [t('dossiers.quarter.officialCol'), d.officialCode ?? '—'],
    [t('dossiers.import.received'), when(d.receivedAt)],
    [t('dossiers.list.due'), when(d.dueAt)],
    [t('dossiers.list.finished'), when(d.finishedAt)],
    [t('dossiers.list.returned'), when(d.returnedAt)],
    [t('dossiers.list.requests'), count(d.completionRequests)],
    [t('dossiers.list.agencies'), count(d.agenciesInvolved)],
    [
      t('dossiers.import.channelCol'),
      t(`dossiers.channel.${d.channel}` as 'dossiers.channel.counter'),
    ],
    [
      t('dossiers.import.timelinessCol'),
      t(`dossiers.timeliness.${d.timeliness}` as 'dossiers.timeliness.late'),
    ],
    [t('dossiers.import.periodCol'), d.period],
  ];
  return (
    <Stack gap="sm">
      <Table>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w="40%">{k}</Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table aria-label={t('dossiers.list.points')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossiers.import.column')}</Table.Th>
            <Table.Th ta="right">{t('dossiers.list.points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.points.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {t('dossiers.indicators.short', { id: i + 1 })}.{' '}
                {t(`dossiers.indicators.${i + 1}` as 'dossiers.indicators.1')}
              </Table.Td>
              <Table.Td ta="right">
                {p === null ? t('dossiers.states.notScoredIndicator') : pointsText(p)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>{t('dossiers.quarter.totalCol')}</Table.Th>
            <Table.Th ta="right">{pointsText(d.total)}</Table.Th>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The filtered dossier list. */
export function DossierListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('dossiers.list.title'));
  const [params, setParams] = useSearchParams();
  const { unitId, period } = useAreaPeriod();
  const rateParam = params.get('rate');
  const rate = (RATE_KEYS as readonly string[]).includes(rateParam ?? '')
    ? (rateParam as RateKey)
    : undefined;
  const part = params.get('part') === 'denominator' ? 'denominator' : 'numerator';
  const officialCode = params.get('officialCode') ?? undefined;
  const within = Number(params.get('within')) || undefined;
  const scope = params.get('scope') === 'own' ? 'own' : undefined;
  const timeliness = params.get('timeliness') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);

  const update = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    if (!('page' in changes)) p.delete('page');
    setParams(p, { replace: true });
  };
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) update({ q: debounced || null });
    // Only the debounced text drives the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const filter: DossierFilter = rate
    ? { unitId: unitId ?? undefined, period, officialCode, rate, part, within, scope }
    : {
        unitId: unitId ?? undefined,
        period,
        officialCode,
        timeliness,
        q: debounced || undefined,
      };
  const list = useQuery({
    queryKey: ['dossiers', 'list', filter, page],
    queryFn: ({ signal }) => dossierApi.list(filter, PAGE, (page - 1) * PAGE, signal),
    // A rate's dossiers need a unit; the plain list works in the whole scope.
    enabled: !rate || unitId !== null,
    placeholderData: keepPreviousData,
  });
  const [opened, setOpened] = useState<Dossier | null>(null);
  const mobile = useIsMobile();
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.list.title')}</Title>
      <AreaPeriodPicker />
      {rate ? (
        <Group gap="xs">
          <Badge size="lg" variant="light" style={{ textTransform: 'none' }}>
            {t('dossiers.list.filterRate', {
              part: t(
                part === 'numerator' ? 'dossiers.list.numerator' : 'dossiers.list.denominator',
              ),
              rate: t(`dossiers.rates.${rate}`),
            })}
          </Badge>
        </Group>
      ) : (
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('dossiers.list.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          <Select
            label={t('dossiers.list.timeliness')}
            data={[
              { value: '', label: t('dossiers.list.any') },
              ...TIMELINESS.map((v) => ({ value: v, label: t(`dossiers.timeliness.${v}`) })),
            ]}
            value={timeliness ?? ''}
            onChange={(v) => update({ timeliness: v || null })}
            allowDeselect={false}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
      )}
      <Group gap="xs">
        {officialCode ? (
          <Badge variant="outline" style={{ textTransform: 'none' }}>
            {t('dossiers.list.official', { code: officialCode })}
          </Badge>
        ) : null}
        {rate || officialCode || timeliness || debounced ? (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setQ('');
              update({
                rate: null,
                part: null,
                within: null,
                scope: null,
                officialCode: null,
                timeliness: null,
                q: null,
              });
            }}
          >
            {t('dossiers.list.clear')}
          </Button>
        ) : null}
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t('dossiers.list.total', { count: total })}
          </Text>
          {total === 0 ? (
            <Text c="dimmed">{t('dossiers.list.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={960}>
              <Table striped highlightOnHover aria-label={t('dossiers.list.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dossiers.import.code')}</Table.Th>
                    <Table.Th>{t('dossiers.import.unit')}</Table.Th>
                    <Table.Th>{t('dossiers.list.procedure')}</Table.Th>
                    <Table.Th>{t('dossiers.import.received')}</Table.Th>
                    <Table.Th>{t('dossiers.list.due')}</Table.Th>
                    <Table.Th>{t('dossiers.list.finished')}</Table.Th>
                    <Table.Th>{t('dossiers.import.channelCol')}</Table.Th>
                    <Table.Th>{t('dossiers.import.timelinessCol')}</Table.Th>
                    <Table.Th ta="right">{t('dossiers.list.points')}</Table.Th>
                    <Table.Th>{t('dossiers.list.rated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(list.data?.items ?? []).map((d) => {
                    const rated = d.rating !== null || d.importedCitizenRatings !== null;
                    return (
                      <Table.Tr key={d.code}>
                        <Table.Td>
                          <Anchor component="button" type="button" onClick={() => setOpened(d)}>
                            {d.code}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{d.unit.name}</Table.Td>
                        <Table.Td>{d.procedureName || d.procedureCode}</Table.Td>
                        <Table.Td>{formatDateTime(d.receivedAt, language)}</Table.Td>
                        <Table.Td>{d.dueAt ? formatDateTime(d.dueAt, language) : '—'}</Table.Td>
                        <Table.Td>
                          {d.finishedAt ? formatDateTime(d.finishedAt, language) : '—'}
                        </Table.Td>
                        <Table.Td>
                          {t(`dossiers.channel.${d.channel}` as 'dossiers.channel.counter')}
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={
                              d.timeliness === 'late'
                                ? 'red'
                                : d.timeliness === 'early'
                                  ? 'green'
                                  : 'gray'
                            }
                            style={{ textTransform: 'none' }}
                          >
                            {t(`dossiers.timeliness.${d.timeliness}` as 'dossiers.timeliness.late')}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right">{pointsText(d.total)}</Table.Td>
                        <Table.Td>
                          {rated ? (
                            t('common.yes')
                          ) : (
                            <Anchor
                              component={Link}
                              to={`/dossiers/rating?code=${encodeURIComponent(d.code)}`}
                            >
                              {t('dossiers.list.rate')}
                            </Anchor>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => update({ page: String(p) })}
              aria-label={t('dossiers.list.page')}
              getControlProps={(control) => ({
                'aria-label': t(`common.pageControl.${control}`),
              })}
            />
          ) : null}
        </>
      )}
      <Drawer
        opened={opened !== null}
        onClose={() => setOpened(null)}
        title={opened?.code}
        position="right"
        size={mobile ? '100%' : 'lg'}
      >
        {opened ? <DossierDetail d={opened} /> : null}
      </Drawer>
    </Stack>
  );
}
