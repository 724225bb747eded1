import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.ts';
import {
  untypedOperations,
  untypedPlaces,
  type ContractDocument,
} from '../test-support/contract.ts';

// The contract of the API is its OpenAPI document: every operation's successful answer has a body
// schema that says what it carries (a file download says it is a binary file), so the web app and
// other clients can rely on it and a change of shape shows in review.

// Operations whose answer is not typed yet. Every operation is typed now; the list stays empty (an
// operation added without a typed answer fails the test).
const NOT_YET_TYPED = new Set<string>([]);

let h: Harness;
let doc: ContractDocument;
beforeAll(async () => {
  h = await createHarness();
  doc = (await h.app.inject({ url: '/api/openapi.json' })).json() as ContractDocument;
});
afterAll(async () => h?.close());

describe('the contract check', () => {
  it('finds a shape left open anywhere in a schema', () => {
    const components = { Node: { type: 'object', properties: { note: {} } } };
    expect(untypedPlaces({ type: 'object', additionalProperties: {} }, {})).toEqual(['/*']);
    expect(untypedPlaces({ type: 'array', items: {} }, {})).toEqual(['/items']);
    expect(untypedPlaces({ description: 'anything' }, {})).toEqual(['/']);
    expect(untypedPlaces({ $ref: '#/components/schemas/Node' }, components)).toEqual(['/note']);
    expect(untypedPlaces({ $ref: '#/components/schemas/Gone' }, {})).toEqual([
      '/ (no component #/components/schemas/Gone)',
    ]);
    expect(
      untypedPlaces(
        {
          type: 'object',
          properties: {
            n: { type: 'number' },
            tags: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        {},
      ),
    ).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('types the body of every successful answer', () => {
    const untyped = untypedOperations(doc);
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    console.info(`contract: ${operations.length} operations, ${untyped.size} not typed yet`);
    expect(operations.length).toBeGreaterThan(100);
    const unexpected = [...untyped].filter(([key]) => !NOT_YET_TYPED.has(key));
    expect(unexpected.map(([key, places]) => `${key}: ${places.join(', ')}`)).toEqual([]);
    const typedSince = [...NOT_YET_TYPED].filter((key) => !untyped.has(key));
    expect(typedSince).toEqual([]);
  });

  it('documents a download as a binary file', () => {
    const answer = doc.paths['/api/v1/criteria-sets/{id}/export.xlsx']?.get?.responses?.['200'];
    expect(answer?.content).toEqual({
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    });
  });
});
