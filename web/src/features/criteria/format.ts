/** Small presentation helpers shared by the criteria screens. */
import { formatPoints, parseHundredths } from '@domain/scoring/decimal.ts';

/** Points for display: 1000 → "10,00". */
export const points = (hundredths: number): string => formatPoints(hundredths);

/** Parses an optional number of points ("30", "1,5"); empty → null, invalid → undefined. */
export function optionalPoints(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const parsed = parseHundredths(text);
  return parsed.ok ? parsed.value : undefined;
}

/** The unit kind of a bundled template as the units list names it. */
export function unitKindOfTemplate(kind: 'commune' | 'department'): string {
  return kind === 'department' ? 'province_department' : 'commune';
}
