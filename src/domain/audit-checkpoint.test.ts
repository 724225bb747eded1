import { describe, expect, it } from 'vitest';
import {
  checkSignature,
  checkpointName,
  CHECKPOINT_NAME,
  keyId,
  parseCheckpoint,
  signCheckpoint,
} from './audit-checkpoint.ts';

const KEY = 'k'.repeat(40);
const head = { lastId: 42, lastHash: 'ab'.repeat(32) };
const at = new Date('2026-03-02T02:00:00.000Z');

describe('audit checkpoints', () => {
  it('are accepted under the key that signed them, after a round trip through text', () => {
    const text = JSON.stringify(signCheckpoint(KEY, head, at));
    const parsed = parseCheckpoint(text)!;
    expect(parsed).toMatchObject({ lastId: 42, lastHash: head.lastHash, at: at.toISOString() });
    expect(checkSignature(KEY, parsed)).toBe('ok');
  });

  it('tell another key from an altered checkpoint', () => {
    const signed = signCheckpoint(KEY, head, at);
    expect(checkSignature('another key of forty characters, not KEY', signed)).toBe('other_key');
    expect(checkSignature(KEY, { ...signed, lastHash: 'cd'.repeat(32) })).toBe('forged');
    expect(checkSignature(KEY, { ...signed, lastId: 43 })).toBe('forged');
    expect(checkSignature(KEY, { ...signed, at: '2026-03-03T02:00:00.000Z' })).toBe('forged');
  });

  it('name the key without revealing it', () => {
    expect(keyId(KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyId(KEY)).not.toContain('kkkk');
    expect(keyId(KEY)).not.toBe(keyId(`${KEY}x`));
  });

  it('refuse text that is not a checkpoint', () => {
    expect(parseCheckpoint('not json')).toBeNull();
    expect(parseCheckpoint('{"format":"other"}')).toBeNull();
    const signed = signCheckpoint(KEY, head, at);
    expect(parseCheckpoint(JSON.stringify({ ...signed, lastHash: 'x' }))).toBeNull();
  });

  it('are named in the order of the entry they anchor', () => {
    const a = checkpointName({ lastId: 9, lastHash: 'f'.repeat(64) });
    const b = checkpointName({ lastId: 10, lastHash: '0'.repeat(64) });
    expect(a < b).toBe(true);
    expect(a).toMatch(CHECKPOINT_NAME);
  });
});
