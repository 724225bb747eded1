/**
 * Settings kept in the database (`app_settings`, a JSON value per key) for every process that
 * shares it: the keys of the HMACs the product signs with, the mark of the demo's first load.
 */
import { randomBytes } from 'node:crypto';
import { cacheKeyOf, type Queryable } from './db.ts';

/** Is a setting recorded? */
export async function hasSetting(db: Queryable, key: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM app_settings WHERE key = $1', [key])).length > 0;
}

/** Records a setting unless it is already there (the first writer wins); returns the stored value. */
export async function settingOnce(db: Queryable, key: string, value: unknown): Promise<unknown> {
  await db.query(
    'INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
    [key, JSON.stringify(value)],
  );
  const rows = await db.query<{ value: unknown }>('SELECT value FROM app_settings WHERE key = $1', [
    key,
  ]);
  return rows[0]!.value;
}

const keyCache = new WeakMap<object, Map<string, Promise<Buffer>>>();

/**
 * A random 32-byte key under `name`, created once per database and shared by every process; read
 * once per handle (a failed read is tried again next time).
 */
export function databaseKey(db: Queryable & object, name: string): Promise<Buffer> {
  // A read handle's key is its primary's: the same key, written (once) where writes go.
  const owner = cacheKeyOf(db) as Queryable & object;
  let keys = keyCache.get(owner);
  if (!keys) keyCache.set(owner, (keys = new Map()));
  let key = keys.get(name);
  if (!key) {
    key = settingOnce(owner, name, randomBytes(32).toString('base64')).then((v) =>
      Buffer.from(v as string, 'base64'),
    );
    keys.set(name, key);
    key.catch(() => keys.delete(name));
  }
  return key;
}
