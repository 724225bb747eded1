/**
 * The access matrix (test-support/access-matrix.ts) against the running app: every route of the
 * OpenAPI document has an entry, and every actor on every side gets the answer written there.
 * Fixtures are made once and the requests sent in parallel batches (writes route by route).
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, MATRIX, type ActorKey, type MatrixEntry } from '../test-support/access-matrix.ts';
import {
  answerOf,
  makeFixtures,
  meets,
  runMatrix,
  signInAll,
  type Cell,
  type Fixtures,
} from '../test-support/access-matrix-runner.ts';
import { createHarness, type Client, type Harness } from '../test-support/harness.ts';

let h: Harness;
let clients: Record<ActorKey, Client>;
let fixtures: Fixtures;
let routes: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  clients = await signInAll(h);
  fixtures = await makeFixtures(h, clients);
  const doc = (await h.anonymous().get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
}, 600_000);
afterAll(async () => h?.close());

/** Where the actor stands toward the object of side T or K, for messages. */
function scopeOf(actor: ActorKey, target: 'T' | 'K'): string {
  if (actor === 'anonymous') return 'anonymous';
  if (actor === 'admin') return 'national';
  const home: Record<string, ['T' | 'K', string]> = {
    agencyTN: ['T', 'subtree'],
    chairTN: ['T', 'subtree'],
    appraiserTN: ['T', 'subtree'],
    agencyKH: ['K', 'subtree'],
    headKP: ['T', 'own unit'],
    officerKP: ['T', 'own unit'],
    councilPT: ['T', 'same province, other unit'],
    enumeratorDL: ['K', 'own unit'],
  };
  const [side, scope] = home[actor]!;
  return side === target ? scope : 'other province';
}

describe('the access matrix', () => {
  it('has an entry for every route of the OpenAPI document, and none for a route that is gone', () => {
    const listed = new Set(MATRIX.map((e) => e.route));
    expect(routes.filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !routes.includes(r))).toEqual([]);
    expect(MATRIX.length).toBe(listed.size);
  });

  it('gives every actor on every side the answer written in the matrix', async () => {
    const record = process.env.PARINDEX_MATRIX_RECORD;
    const known = new Map(MATRIX.map((e) => [e.route, e]));
    const entries: MatrixEntry[] = record
      ? routes.map(
          (r) =>
            known.get(r) ?? {
              route: r,
              expect: { T: '??????????', ...(r.includes('{') ? { K: '??????????' } : {}) },
            },
        )
      : [...MATRIX];
    const started = Date.now();
    const cells: Cell[] = await runMatrix(entries, clients, fixtures);
    const seconds = (Date.now() - started) / 1000;
    if (record) {
      const by = new Map<string, Record<string, string[]>>();
      for (const c of cells) {
        const row = by.get(c.route) ?? {};
        (row[c.target] ??= Array(ACTORS.length).fill('?'))[ACTORS.indexOf(c.actor)] = answerOf(
          c.status,
        );
        by.set(c.route, row);
      }
      writeFileSync(
        record,
        [...by.entries()]
          .map(([route, t]) => `${route}\t${t.T?.join('')}\t${t.K?.join('') ?? ''}`)
          .join('\n'),
      );
    }
    const wrong = cells.flatMap((c) => {
      const entry = entries.find((e) => e.route === c.route)!;
      const expected = entry.expect[c.target]![ACTORS.indexOf(c.actor)] as never;
      const got = answerOf(c.status);
      return meets(expected, got)
        ? []
        : [
            `${c.route} as ${c.actor} (${scopeOf(c.actor, c.target)}, side ${c.target}): expected ${expected}, got ${c.status}${entry.note ? ` (${entry.note})` : ''}`,
          ];
    });
    if (record) console.log(wrong.join('\n'));
    else expect(wrong).toEqual([]);
    expect(cells.length).toBeGreaterThan(1000);
    console.log(`access matrix: ${cells.length} requests in ${seconds.toFixed(1)} s`);
  }, 600_000);
});
