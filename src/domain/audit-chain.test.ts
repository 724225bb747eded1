import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, verifyChain, type ChainedEntry } from './audit-chain.ts';

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const content = {
      id,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
      actorId: 1,
      actorName: 'admin',
      action: 'unit.update',
      entity: 'unit',
      entityId: String(id),
      unitId: id,
      before: { name: `A${id}` },
      after: { name: `B${id}`, nested: { z: 1, a: [1, 2] } },
    };
    const hash = entryHash(content, prev);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const headOf = (c: ChainedEntry[]) => ({
  lastId: c[c.length - 1]!.id,
  lastHash: c[c.length - 1]!.hash,
});

describe('audit hash chain', () => {
  it('accepts an untouched chain', () => {
    const c = chain(5);
    expect(verifyChain(c, headOf(c))).toEqual({ ok: true, count: 5 });
  });

  it('names the first altered entry', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, after: { name: 'forged' } };
    expect(verifyChain(c, headOf(chain(5)))).toMatchObject({
      ok: false,
      problem: { kind: 'altered', id: 3 },
    });
  });

  it('names the entry after a removed one', () => {
    const c = chain(5);
    const head = headOf(c);
    c.splice(1, 1);
    expect(verifyChain(c, head)).toMatchObject({
      ok: false,
      problem: { kind: 'removed_before', id: 3, expectedPrevious: 1 },
    });
  });

  it('notices entries removed from the end', () => {
    const c = chain(5);
    const head = headOf(c);
    expect(verifyChain(c.slice(0, 3), head)).toMatchObject({
      ok: false,
      problem: { kind: 'removed_at_end', lastId: 3, expectedLastId: 5 },
    });
  });

  it('does not depend on the key order of stored JSON', () => {
    const [e] = chain(1);
    const reordered = { ...e!, after: { nested: { a: [1, 2], z: 1 }, name: 'B1' } };
    expect(verifyChain([reordered], headOf([e!]))).toEqual({ ok: true, count: 1 });
  });
});
