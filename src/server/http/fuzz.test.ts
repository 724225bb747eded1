import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../test-support/harness.ts';
import {
  operationsOf,
  seededRandom,
  variantsOf,
  type OpenApiDocument,
} from '../test-support/fuzz.ts';

// Every operation of the OpenAPI document, called with a bounded, deterministic set of malformed
// variants by an administrator (so authorisation does not hide the parsing and validation) and by
// an anonymous caller: no answer may be a 5xx.
const SEED = 14;

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(async () => h?.close());

describe('malformed requests generated from the OpenAPI document', () => {
  it('never get a 5xx, from an administrator or an anonymous caller', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json() as OpenApiDocument;
    const operations = operationsOf(doc);
    const random = seededRandom(SEED);
    const anonymous = h.anonymous();
    const failures: string[] = [];
    let sent = 0;
    const started = performance.now();
    for (const op of operations) {
      const variants = variantsOf(op, random);
      const actors: Array<[string, Client]> = [['anonymous', anonymous]];
      // Signing out would end the administrator's session for the rest of the run.
      if (op.path !== '/api/v1/auth/logout') actors.unshift(['admin', admin]);
      for (const [who, client] of actors) {
        for (const v of variants) {
          const res = await client.request(v.method, v.url, v.payload, v.headers);
          sent++;
          if (res.status >= 500)
            failures.push(
              `${who} ${v.method} ${op.path} [${v.variant}] → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
            );
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `fuzz: ${operations.length} operations, ${sent} requests in ${seconds.toFixed(1)} s (seed ${SEED})`,
    );
    expect(operations.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 600_000);
});
