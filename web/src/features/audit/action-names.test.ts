/**
 * Every action the server writes to the audit log has a name in both catalogues, so the log never
 * shows a key such as `campaign.round2.save`. The actions are read from the server's sources: the
 * string literals of the audit's namespaces, less the permission names, plus one action per
 * workflow event (`campaign.<event>`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@domain/access.ts';
import { TRANSITIONS } from '@domain/campaign/workflow.ts';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const NAMESPACES =
  'auth|campaign|criteria|demo|document|dossier|evidence|unit|user|sipas|remediation|supervision';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

function auditActions(): string[] {
  const literal = new RegExp(`'((?:${NAMESPACES})(?:\\.[A-Za-z_0-9]+)+)'`, 'g');
  const found = new Set<string>();
  for (const file of [
    ...sources(path.join(root, 'src/server')),
    ...sources(path.join(root, 'src/cli')),
  ])
    for (const m of readFileSync(file, 'utf8').matchAll(literal)) found.add(m[1] ?? '');
  for (const event of Object.keys(TRANSITIONS)) found.add(`campaign.${event}`);
  const permissions = new Set<string>(PERMISSIONS);
  // Kinds of background job ('evidence.check') look the same; the server catalogue names them
  // as job_kind_… for the command line. They are not audit actions.
  const messages = readFileSync(path.join(root, 'src/server/i18n/messages.ts'), 'utf8');
  const jobKind = (a: string) => messages.includes(`job_kind_${a.replace(/\./g, '_')}:`);
  // File names in the sources look the same ('document.pdf'); they are not actions.
  return [...found]
    .filter((a) => !permissions.has(a) && !jobKind(a) && !/\.(pdf|docx)$/.test(a))
    .sort();
}

describe('audit action names', () => {
  const actions = auditActions();

  it('finds the actions the server writes', () => {
    expect(actions).toContain('campaign.round2.save');
    expect(actions).toContain('campaign.publish');
    expect(actions).toContain('user.grant');
  });

  it.each([
    ['vi', vi.audit.actions],
    ['en', en.audit.actions],
  ])('names each of them in %s', (_language, names) => {
    const table = names as Record<string, string>;
    const missing = actions.filter((a) => !table[a.replace(/\./g, '_')]);
    expect(missing).toEqual([]);
  });
});
