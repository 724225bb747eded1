/**
 * The citizen's secret of a dossier's online rating (ADR 21): ten characters of an alphabet without
 * look-alikes (no I, O, 0, 1), printed on the receipt as "ABCDE-FGHJK" and carried by the rating
 * link. It is derived, not stored: the HMAC-SHA256 of the dossier's code under a key created once
 * per database (`app_settings`), so an import writes nothing more and every dossier, old or new,
 * has one. Fifty bits: with the public form's limit of attempts per address, not guessable.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import type { Queryable } from '../../infra/db.ts';
import { databaseKey } from '../../infra/settings.ts';

export const RATING_SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RATING_SECRET_LENGTH = 10;
/** The path of the public rating page; the link carries code and secret after `#`. */
export const PUBLIC_RATING_PATH = '/public/danh-gia-ho-so';

const KEY_SETTING = 'dossier_rating_key';
/** The key of the secrets, created once per database and shared by every process. */
export function ratingKey(db: Queryable & object): Promise<Buffer> {
  return databaseKey(db, KEY_SETTING);
}

/** The secret of a dossier code, unformatted (ten characters of the alphabet). */
export function ratingSecretOf(key: Buffer, code: string): string {
  const mac = createHmac('sha256', key).update(`dossier-rating:${code}`).digest();
  // Five bits per character from the first 50 bits of the MAC.
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(mac[i]!);
  bits >>= 6n;
  let out = '';
  for (let i = RATING_SECRET_LENGTH - 1; i >= 0; i--)
    out += RATING_SECRET_ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)]!;
  return out;
}

/** "ABCDEFGHJK" → "ABCDE-FGHJK", as printed. */
export function formatRatingSecret(secret: string): string {
  return `${secret.slice(0, 5)}-${secret.slice(5)}`;
}

/** What a citizen typed, as the alphabet spells it: upper case, without spaces or dashes. */
export function normaliseRatingSecret(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-–.]/g, '');
}

/** Whether a typed secret is the dossier code's, compared in constant time. */
export function ratingSecretMatches(key: Buffer, code: string, typed: string): boolean {
  const expected = Buffer.from(ratingSecretOf(key, code));
  const given = Buffer.from(normaliseRatingSecret(typed));
  // A wrong length is compared against the expected value itself, so it takes the same time.
  const same = timingSafeEqual(expected, given.length === expected.length ? given : expected);
  return same && given.length === expected.length;
}

/** The single-use rating link of a dossier: code and secret after `#`, never sent to a server log. */
export function ratingLink(publicUrl: string, code: string, secret: string): string {
  const params = new URLSearchParams({ code, secret: formatRatingSecret(secret) });
  return `${publicUrl}${PUBLIC_RATING_PATH}#${params.toString()}`;
}

/** The link as a QR code, an SVG image for the receipt. */
export function ratingLinkQrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
