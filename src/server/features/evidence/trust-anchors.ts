/**
 * Trust anchors for digital signatures: the root (and, if wanted, intermediate) CA certificates
 * a signer's chain must reach to be called trusted — in Vietnam the national root CA of the
 * Ministry of Science and Technology's root certification authority and the CAs under it. None
 * is bundled: an installation puts the PEM files it trusts in the directory named by
 * `PARINDEX_TRUST_ANCHORS_DIR`. Without it, chains are "not checked" rather than guessed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { toolsConfig } from '../../config.ts';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;
/** Files larger than this are not certificates; they are skipped. */
const MAX_FILE_BYTES = 1024 * 1024;

export interface TrustAnchors {
  directory: string;
  certificates: pkijs.Certificate[];
  /** Files that held no readable certificate (named in the log by the caller, never fatal). */
  skipped: string[];
}

/** Reads every certificate of the PEM files (`.pem`, `.crt`, `.cer`) of a directory. */
export function loadTrustAnchors(directory: string): TrustAnchors {
  const certificates: pkijs.Certificate[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    if (!/\.(pem|crt|cer)$/i.test(name)) continue;
    const file = path.join(directory, name);
    if (!statSync(file).isFile() || statSync(file).size > MAX_FILE_BYTES) {
      skipped.push(name);
      continue;
    }
    let found = 0;
    for (const m of readFileSync(file, 'latin1').matchAll(PEM_BLOCK)) {
      try {
        const der = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
        certificates.push(pkijs.Certificate.fromBER(der));
        found++;
      } catch {
        // a damaged block: the file is reported below if nothing else in it was readable
      }
    }
    if (found === 0) skipped.push(name);
  }
  return { directory, certificates, skipped };
}

let cached: { key: string; anchors: TrustAnchors | null } | null = null;

/**
 * The anchors configured for this process (`PARINDEX_TRUST_ANCHORS_DIR`), read once; null when
 * none is configured or the directory cannot be read.
 */
export function configuredTrustAnchors(): TrustAnchors | null {
  const directory = toolsConfig().trustAnchorsDir ?? '';
  if (cached && cached.key === directory) return cached.anchors;
  let anchors: TrustAnchors | null = null;
  if (directory !== '') {
    try {
      anchors = loadTrustAnchors(directory);
    } catch {
      anchors = null;
    }
  }
  cached = { key: directory, anchors };
  return anchors;
}

/** Forgets the anchors read (tests; a changed directory is read again on its own). */
export function resetTrustAnchors(): void {
  cached = null;
}
