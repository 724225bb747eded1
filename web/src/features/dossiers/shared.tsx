/**
 * Pieces shared by the dossier screens: the tabs between them, the area-and-quarter picker kept in
 * the address (so a view can be bookmarked and sent), and how evaluations and rates are written.
 */
import { Badge, Group, Select, Tabs, Text } from '@mantine/core';
import { formatPointsCompact } from '@domain/scoring/decimal.ts';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { UnitPicker, type PickedUnit } from '../../components/UnitPicker.tsx';
import { useSession } from '../../lib/session.tsx';
import { useUnitDetail } from '../../lib/units.ts';
import { permissionsOf } from '@domain/access.ts';
import type { Evaluation, Rate } from './api.ts';

const TABS = [
  ['quarter', '/dossiers'],
  ['import', '/dossiers/import'],
  ['list', '/dossiers/list'],
  ['rating', '/dossiers/rating'],
  ['dashboard', '/dossiers/dashboard'],
  ['bands', '/dossiers/bands'],
  ['method', '/dossiers/method'],
  ['postal', '/dossiers/postal-catalogue'],
  ['officials', '/dossiers/officials'],
] as const;

/** Links between the dossier pages, keeping the chosen unit and quarter. */
export function DossiersTabs() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const current = TABS.find(([, path]) => path === location.pathname)?.[0] ?? 'quarter';
  const keep = new URLSearchParams();
  for (const key of ['unitId', 'period']) {
    const v = params.get(key);
    if (v !== null) keep.set(key, v);
  }
  const search = keep.toString();
  return (
    <Tabs
      value={current}
      onChange={(value) => {
        const path = TABS.find(([k]) => k === value)?.[1];
        if (path) void navigate(`${path}${search ? `?${search}` : ''}`);
      }}
      keepMounted={false}
    >
      <Tabs.List
        aria-label={t('dossiers.sections')}
        style={{ overflowX: 'auto', flexWrap: 'nowrap' }}
      >
        {TABS.map(([key]) => (
          <Tabs.Tab key={key} value={key} style={{ whiteSpace: 'nowrap' }}>
            {t(`dossiers.tabs.${key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

/** "2024-Q1" for a date. */
export function quarterOfDate(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** The quarter before the current one: the last one whose data is complete. */
export function lastCompleteQuarter(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 3, 1);
  return quarterOfDate(d);
}

/** "Quý 2 năm 2021" / "Q2 2021". */
export function quarterLabel(t: TFunction, period: string): string {
  const [year, q] = period.split('-Q');
  return t('dossiers.area.quarter', { q, year });
}

/** The quarters offered, newest first, from 2018 (Decree 61) to the current one. */
function quarterOptions(t: TFunction): { value: string; label: string }[] {
  const now = new Date();
  const out: { value: string; label: string }[] = [];
  for (let year = now.getFullYear(); year >= 2018; year--) {
    for (let q = 4; q >= 1; q--) {
      const value = `${year}-Q${q}`;
      if (value > quarterOfDate(now)) continue;
      out.push({ value, label: quarterLabel(t, value) });
    }
  }
  return out;
}

/**
 * The unit a person works for, where dossier screens open: the unit of their first grant that
 * reads dossiers (a commune officer's commune, a standing agency's province); none for a
 * nationwide role.
 */
export function useOwnDossierUnit(): number | null {
  const session = useSession();
  const grant = session.grants.find(
    (g) => g.unitId !== null && permissionsOf(g.role).includes('dossier.read'),
  );
  return grant?.unitId ?? null;
}

/**
 * The unit and quarter in the address. Without a unit in the address the person's own unit is
 * shown; an emptied picker (`unitId=`) shows none.
 */
export function useAreaPeriod() {
  const [params, setParams] = useSearchParams();
  const own = useOwnDossierUnit();
  const unitParam = params.get('unitId');
  const unitId = unitParam === null ? own : Number(unitParam) || null;
  const periodParam = params.get('period');
  const period =
    periodParam && /^\d{4}-Q[1-4]$/.test(periodParam) ? periodParam : lastCompleteQuarter();
  const set = (next: { unitId?: number | null; period?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.unitId !== undefined) p.set('unitId', next.unitId === null ? '' : String(next.unitId));
    if (next.period !== undefined) {
      if (next.period === null) p.delete('period');
      else p.set('period', next.period);
    }
    p.delete('offset');
    setParams(p, { replace: true });
  };
  return { unitId, period, set };
}

/** The unit search and the quarter list, side by side (stacked on a phone). */
export function AreaPeriodPicker({
  unitLabel,
  withPeriod = true,
}: {
  unitLabel?: string;
  withPeriod?: boolean;
}) {
  const { t } = useTranslation();
  const { unitId, period, set } = useAreaPeriod();
  const detail = useUnitDetail(unitId);
  const picked: PickedUnit | null = useMemo(
    () =>
      detail.data
        ? {
            id: detail.data.unit.id,
            code: detail.data.unit.code,
            name: detail.data.unit.name,
            parentName: detail.data.unit.parentName,
            validTo: detail.data.unit.validTo,
          }
        : null,
    [detail.data],
  );
  const options = useMemo(() => quarterOptions(t), [t]);
  // The picker starts afresh when another unit is shown, not when typing clears the choice: the
  // typed text stays.
  const [shownId, setShownId] = useState<number | null>(null);
  if (picked && picked.id !== shownId) setShownId(picked.id);
  return (
    <Group align="flex-end" wrap="wrap" gap="sm">
      <div style={{ flex: '1 1 18rem', minWidth: 0 }}>
        <UnitPicker
          key={shownId ?? 'none'}
          label={unitLabel ?? t('dossiers.area.unit')}
          placeholder={t('dossiers.area.unitHint')}
          value={picked}
          onChange={(u) => set({ unitId: u?.id ?? null })}
        />
      </div>
      {withPeriod ? (
        <Select
          label={t('dossiers.area.period')}
          data={options}
          value={period}
          onChange={(v) => set({ period: v })}
          allowDeselect={false}
          searchable
          w={{ base: '100%', xs: 200 }}
        />
      ) : null}
    </Group>
  );
}

/** Hundredths of points as "1,3". */
export const pointsText = (h: number | null | undefined): string =>
  h === null || h === undefined ? '—' : formatPointsCompact(h);

/** The label of an evaluation: its class, or its own state (never a zero). */
export function evaluationLabel(t: TFunction, e: Evaluation): string {
  if (e.state === 'no-dossiers') return t('dossiers.states.no-dossiers');
  if (e.state === 'not-scored') return t('dossiers.states.not-scored');
  return e.className ?? t('dossiers.states.unclassified');
}

const CLASS_COLORS = ['green', 'blue', 'yellow', 'orange', 'red'];

/** A class or state as a badge; colour by band order, grey for the two states. */
export function ClassBadge({
  evaluation,
  bandLabels,
}: {
  evaluation: Evaluation;
  bandLabels: readonly string[];
}) {
  const { t } = useTranslation();
  const label = evaluationLabel(t, evaluation);
  const index = evaluation.state === 'scored' ? bandLabels.indexOf(label) : -1;
  return (
    <Badge
      color={index < 0 ? 'gray' : (CLASS_COLORS[index] ?? 'gray')}
      variant={evaluation.state === 'scored' ? 'light' : 'outline'}
      style={{ textTransform: 'none' }}
    >
      {label}
    </Badge>
  );
}

/** Dossiers counted in an evaluation. */
export const dossiersOf = (e: Evaluation): number => (e.state === 'no-dossiers' ? 0 : e.dossiers);

/** A rate's value, or "no data". */
export function rateText(t: TFunction, rate: Rate): string {
  return rate.percent === null ? t('dossiers.quarter.noData') : rate.text;
}

/** Whether the rate meets its target, as a small badge. */
export function TargetBadge({ rate }: { rate: Rate }) {
  const { t } = useTranslation();
  if (rate.target === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('dossiers.quarter.noTarget')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{rate.target.text}</Text>
      {rate.target.met === null ? null : (
        <Badge color={rate.target.met ? 'green' : 'red'} variant="light">
          {rate.target.met ? t('dossiers.quarter.met') : t('dossiers.quarter.notMet')}
        </Badge>
      )}
    </Group>
  );
}
