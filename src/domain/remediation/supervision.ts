/**
 * People's Council supervision (giám sát của HĐND): findings per sub-criterion in the wording of a
 * supervision notice, sorted into the notice's three groups. Pure; scores in hundredths.
 */
import { formatPointsCompact } from '../scoring/decimal.ts';
import { compareCodes } from './plan.ts';

/**
 * The three groups of a supervision notice (seed 002): to check with the upper level; to fix at
 * once this year; to improve gradually.
 */
export const FINDING_GROUPS = ['check_with_upper', 'fix_now', 'improve_gradually'] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

/** The points a finding quotes; any may be unknown (the notice then quotes the reason alone). */
export interface FindingPoints {
  max: number | null;
  self: number | null;
  appraised: number | null;
}

/** Points missing: max − appraised, when both are known and positive. */
export function missingPoints(p: FindingPoints): number | null {
  if (p.max === null || p.appraised === null) return null;
  const missing = p.max - p.appraised;
  return missing > 0 ? missing : 0;
}

/**
 * The points as the notice words them: "Điểm tối đa 1,5 điểm, thẩm định 1 điểm (thiếu 0,5 điểm)",
 * with "tự chấm … điểm" between them when the self score is quoted. null when max or appraised is
 * unknown.
 */
export function findingPointsText(p: FindingPoints): string | null {
  const missing = missingPoints(p);
  if (p.max === null || p.appraised === null || missing === null) return null;
  const parts = [`Điểm tối đa ${formatPointsCompact(p.max)} điểm`];
  if (p.self !== null) parts.push(`tự chấm ${formatPointsCompact(p.self)} điểm`);
  parts.push(`thẩm định ${formatPointsCompact(p.appraised)} điểm`);
  return `${parts.join(', ')} (thiếu ${formatPointsCompact(missing)} điểm)`;
}

/** A finding of a supervision. */
export interface Finding extends FindingPoints {
  group: FindingGroup;
  code: string;
  title: string;
  reason: string;
  /** Where the unit's report shows it ("Tại trang 6"); empty when not quoted. */
  reference: string;
}

/**
 * One finding as a line of the notice: "Mục 2.2: Rà soát và xử lý văn bản sau rà soát: Điểm tối
 * đa 1,5 điểm, thẩm định 1 điểm (thiếu 0,5 điểm). Lí do mất điểm: …".
 */
export function findingText(f: Finding): string {
  const points = findingPointsText(f);
  const head = `Mục ${f.code}: ${f.title}`;
  const reason = f.reason.trim();
  if (points === null) return reason ? `${head}: Lí do mất điểm: ${reason}` : head;
  return reason ? `${head}: ${points}. Lí do mất điểm: ${reason}` : `${head}: ${points}.`;
}

/** Findings in the notice's order: by group, then by criteria code. */
export function orderFindings<T extends Pick<Finding, 'group' | 'code'>>(
  findings: readonly T[],
): T[] {
  const rank = (g: FindingGroup) => FINDING_GROUPS.indexOf(g);
  return [...findings].sort(
    (a, b) => rank(a.group) - rank(b.group) || compareCodes(a.code, b.code),
  );
}
