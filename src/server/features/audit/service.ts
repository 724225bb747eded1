/** Reading and verifying the audit log. */
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import { createChainVerifier, type ChainVerdict } from '../../../domain/audit-chain.ts';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { findUnit } from '../units/service.ts';
import * as repo from './repository.ts';
import type { AnchorVerdict } from './checkpoints.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import type { JsonValue } from '../../../shared/contract/json.ts';

/** Lists audit entries newest first, limited to the units the actor may audit. */
export async function listAudit(
  deps: Deps,
  actor: Actor,
  f: {
    unitId?: number | undefined;
    userId?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
    before?: number | undefined;
    limit: number;
  },
) {
  const scope = scopeOf(actor, 'audit.read');
  if (scope !== null && scope.length === 0) throw new AppError('forbidden', 'forbidden');
  if (f.unitId !== undefined) {
    const unit = await findUnit(deps.db, f.unitId);
    if (!unit)
      throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
        { field: 'unitId', key: 'not_found', params: { what: '@entity_unit' } },
      ]);
    if (!can(actor, 'audit.read', unit.path))
      throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  const entries = await repo.listAuditEntries(deps.db, {
    unitPaths: scope,
    unitId: f.unitId,
    actorId: f.userId,
    from: f.from,
    to: f.to,
    beforeId: f.before,
    limit: f.limit + 1,
  });
  const page = entries.slice(0, f.limit);
  return {
    items: page.map((e) => ({
      id: e.id,
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      unitId: e.unitId,
      unitName: e.unitName,
      // jsonb columns: what the database gives back is JSON.
      before: e.before as JsonValue,
      after: e.after as JsonValue,
    })),
    nextBefore: entries.length > f.limit ? page[page.length - 1]!.id : null,
  };
}

/** Walks the whole chain and reports the first entry that was altered or removed. */
export async function verifyAudit(deps: Deps): Promise<ChainVerdict> {
  const verifier = createChainVerifier();
  for await (const entry of repo.readChain(deps.db)) if (!verifier.push(entry)) break;
  return verifier.finish(await repo.readHead(deps.db));
}

/** The verification result in words, for the CLI and the web app. */
export function describeVerify(result: ChainVerdict, locale: Locale = 'vi'): string {
  if (result.ok)
    return translate(locale, 'audit_chain_intact', {
      count: result.count.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB'),
    });
  const p = result.problem;
  switch (p.kind) {
    case 'altered':
      return translate(locale, 'audit_chain_altered', { id: p.id, count: result.count });
    case 'removed_before':
      return p.expectedPrevious !== null
        ? translate(locale, 'audit_chain_removed_before', {
            id: p.id,
            previous: p.expectedPrevious,
          })
        : translate(locale, 'audit_chain_removed_first', { id: p.id });
    case 'removed_at_end':
      return translate(locale, 'audit_chain_removed_at_end', {
        expected: p.expectedLastId,
        last: p.lastId ?? '—',
      });
  }
}

/** Whether the comparison with the checkpoints found the log altered, or could not be trusted. */
export function anchorFailed(verdict: AnchorVerdict): boolean {
  return !['no_key', 'no_checkpoints', 'ok'].includes(verdict.kind);
}

/** The comparison with the checkpoints in words, one sentence a line. */
export function describeAnchor(verdict: AnchorVerdict, locale: Locale = 'vi'): string[] {
  const n = (x: number) => x.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
  switch (verdict.kind) {
    case 'no_key':
      return [translate(locale, 'audit_anchor_none')];
    case 'no_checkpoints':
      return [translate(locale, 'audit_anchor_no_checkpoints', { where: verdict.where })];
    case 'ok':
      return [
        translate(locale, 'audit_anchor_ok', {
          count: n(verdict.count),
          where: verdict.where,
          name: verdict.latest.name,
          at: verdict.latest.at,
          id: verdict.latest.lastId,
        }),
        ...(verdict.unanchored > 0
          ? [translate(locale, 'audit_anchor_unanchored', { count: n(verdict.unanchored) })]
          : []),
      ];
    case 'unreadable':
      return [translate(locale, 'audit_anchor_unreadable', { name: verdict.name })];
    case 'other_key':
      return [
        translate(locale, 'audit_anchor_wrong_key', {
          name: verdict.name,
          found: verdict.found,
          expected: verdict.expected,
        }),
      ];
    case 'forged':
      return [translate(locale, 'audit_anchor_forged', { name: verdict.name })];
    case 'rewritten':
      return [
        translate(locale, 'audit_anchor_rewritten', {
          name: verdict.name,
          at: verdict.at,
          id: verdict.lastId,
          expected: verdict.expected,
          found: verdict.found,
        }),
      ];
    case 'truncated':
      return [
        translate(locale, 'audit_anchor_truncated', {
          name: verdict.name,
          at: verdict.at,
          id: verdict.lastId,
          count: n(verdict.count),
          last: verdict.last ?? '—',
        }),
      ];
  }
}
