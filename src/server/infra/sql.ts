/**
 * Building one parameterised statement: its parameters numbered as they are added, and the columns
 * an insert and an update of the same row both write, named once. Only repositories and this layer
 * write SQL (scripts/check-sql.mjs).
 */

/** The parameters of one statement; `p(value)` adds a value and returns its placeholder (`$n`). */
export interface SqlParams {
  readonly values: unknown[];
  p(value: unknown): string;
}

/** Parameters numbered from `$1`, after the `first` values (already `$1…$k` in the text). */
export function sqlParams(first: readonly unknown[] = []): SqlParams {
  const values = [...first];
  return {
    values,
    p(value: unknown): string {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** Column name → value, in the order the statement names them. */
export type Columns = Record<string, unknown>;

/** `(a, b, c)` and `($n, $n+1, $n+2)` of an insert, the values added to `params`. */
export function insertColumns(
  columns: Columns,
  params: SqlParams,
): { names: string; placeholders: string } {
  const names = Object.keys(columns);
  return {
    names: `(${names.join(', ')})`,
    placeholders: `(${names.map((n) => params.p(columns[n])).join(', ')})`,
  };
}

/** `a = $n, b = $n+1` of an update, the values added to `params`. */
export function setColumns(columns: Columns, params: SqlParams): string {
  return Object.keys(columns)
    .map((n) => `${n} = ${params.p(columns[n])}`)
    .join(', ');
}
