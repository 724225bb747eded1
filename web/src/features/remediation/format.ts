/** How the remediation screens write points, rates and dates. */
import { formatHundredths } from '@domain/format.ts';
import { formatPointsCompact, parseHundredths } from '@domain/scoring/decimal.ts';
import { permissionsOf, type Permission } from '@domain/access.ts';
import type { Session } from '../../lib/session.tsx';

/** 150 → "1,5"; null → "—". */
export const pts = (h: number | null | undefined): string =>
  h === null || h === undefined ? '—' : formatPointsCompact(h);

/** 8500 → "85 %" (hundredths of a percent). */
export const pct = (h: number | null | undefined): string =>
  h === null || h === undefined ? '—' : `${formatHundredths(h, h % 100 === 0 ? 0 : 2)} %`;

/** 5825 → "58,25". */
export const idx = (h: number | null | undefined): string =>
  h === null || h === undefined ? '—' : formatHundredths(h, 2);

/** "1,5" → 150; "" → null; undefined when not a number. */
export function parsePts(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const r = parseHundredths(text);
  return r.ok && r.value >= 0 ? r.value : undefined;
}

/** The units where the user holds a permission through a unit grant, and whether nationally. */
export function grantUnits(session: Session, permission: Permission) {
  const grants = session.grants.filter((g) => permissionsOf(g.role).includes(permission));
  return {
    national: grants.some((g) => g.unitId === null),
    units: grants.flatMap((g) =>
      g.unitId === null ? [] : [{ id: g.unitId, name: g.unitName ?? String(g.unitId) }],
    ),
  };
}
