/** What changed in one audit entry: the fields of its before and after snapshots, side by side. */

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The rows to show: with both snapshots, only the fields that differ; with one, all its fields.
 * A snapshot that is not an object becomes a single row named "".
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) {
    return same(before, after)
      ? []
      : [{ field: '', before: hasBefore ? before : null, after: hasAfter ? after : null }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((field) => !(hasBefore && hasAfter) || !same(b[field], a[field]))
    .map((field) => ({
      field,
      before: hasBefore ? (b[field] ?? null) : undefined,
      after: hasAfter ? (a[field] ?? null) : undefined,
    }));
}
