/**
 * A province's (or district's) choices for its dossiers' results: the class bands, and its
 * readings of Circular 01 (ADR 27), each applying to the subtree from the nearest ancestor that set
 * it; and the method settings as reports and exports word them.
 */
import { can, type Actor } from '../../../domain/access.ts';
import {
  BAND_PRESETS,
  DEFAULT_DOSSIER_CONFIG,
  DEFAULT_METHOD,
  METHOD_OPTIONS,
  type MethodSettings,
} from '../../../domain/dossiers/config.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { translate, type MessageKey } from '../../i18n/messages.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import * as bandsRepo from './bands.repository.ts';
import * as methodRepo from './method.repository.ts';
import { pathIds } from './postal-catalogue.service.ts';
import type * as repo from './repository.ts';
import { configWithBands, readableUnit } from './shared.ts';

/** The bands that apply to a unit: the choice of its nearest ancestor (itself included). */
export async function effectiveBands(
  deps: Deps,
  unit: repo.UnitRef,
): Promise<{ presetId: string | undefined; chosenOn: { id: number; name: string } | null }> {
  const ids = pathIds(unit.path);
  const choices = await bandsRepo.choicesOn(deps.db, ids);
  for (const id of [...ids].reverse()) {
    const c = choices.find((x) => x.unit_id === id);
    if (c && BAND_PRESETS.some((b) => b.id === c.preset_id)) {
      return { presetId: c.preset_id, chosenOn: { id: c.unit_id, name: c.unit_name } };
    }
  }
  return { presetId: undefined, chosenOn: null };
}

/** The presets, and which applies to the unit (and whether the actor may change it there). */
export async function getBandSettings(deps: Deps, actor: Actor, unitId: number) {
  const unit = await readableUnit(deps, actor, unitId);
  const { presetId, chosenOn } = await effectiveBands(deps, unit);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    presets: BAND_PRESETS.map((b) => ({ id: b.id, name: b.name, bands: b.bands })),
    defaultPresetId: DEFAULT_DOSSIER_CONFIG.bands.id,
    effectivePresetId: presetId ?? DEFAULT_DOSSIER_CONFIG.bands.id,
    chosenOn,
    canChange: can(actor, 'criteria.manage', unit.path),
  };
}

/** Chooses the bands of a province or district (those who manage criteria there). */
export async function chooseBands(deps: Deps, actor: Actor, unitId: number, presetId: string) {
  const unit = await readableUnit(deps, actor, unitId);
  if (!can(actor, 'criteria.manage', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  configWithBands(presetId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await bandsRepo.saveChoice(
      tx,
      { unitId: unit.id, presetId, userId: actor.userId || null },
      now,
    );
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId || null,
        actorName: actor.username,
        action: 'dossier.bands',
        entity: 'unit',
        entityId: String(unit.id),
        unitId: unit.id,
        before: before === null ? null : { presetId: before },
        after: { presetId },
      },
      now,
    );
  });
  return getBandSettings(deps, actor, unitId);
}

const METHOD_KEYS = ['divisor', 'fewIndicators', 'dueWithoutTime'] as const;

/** The method settings that apply to a unit, and where they were set (null: the default). */
export interface EffectiveMethod {
  method: MethodSettings;
  setOn: { id: number; name: string } | null;
}

/** The method settings as results show them. */
export interface MethodView {
  values: MethodSettings;
  setOn: { id: number; name: string } | null;
  /** Whether every value is the Circular's wording (the default). */
  isDefault: boolean;
}

export function presentMethod(m: EffectiveMethod): MethodView {
  return {
    values: m.method,
    setOn: m.setOn,
    isDefault: METHOD_KEYS.every((k) => m.method[k] === DEFAULT_METHOD[k]),
  };
}

/** The settings that apply to a unit: those of its nearest ancestor (itself included). */
export async function effectiveMethod(
  db: Queryable,
  unit: { path: string },
): Promise<EffectiveMethod> {
  const ids = pathIds(unit.path);
  const rows = await methodRepo.settingsOn(db, ids);
  for (const id of [...ids].reverse()) {
    const r = rows.find((x) => x.unit_id === id);
    if (r) {
      return {
        method: {
          divisor: r.divisor,
          fewIndicators: r.few_indicators,
          dueWithoutTime: r.due_without_time,
        },
        setOn: { id: r.unit_id, name: r.unit_name },
      };
    }
  }
  return { method: DEFAULT_METHOD, setOn: null };
}

/** The settings of a unit, the options, and whether the actor may change them there. */
export async function getMethodSettings(deps: Deps, actor: Actor, unitId: number) {
  const unit = await readableUnit(deps, actor, unitId);
  const m = await effectiveMethod(deps.db, unit);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    ...presentMethod(m),
    defaults: DEFAULT_METHOD,
    options: METHOD_OPTIONS,
    canChange: can(actor, 'criteria.manage', unit.path),
  };
}

/**
 * Records a province's (or district's) readings of Circular 01, by those who manage its
 * methodology, with an audit entry. A changed reading of due dates without a time re-reads the
 * timeliness of the subtree's dossiers finished on such a due day, in the same transaction.
 */
export async function saveMethodSettings(
  deps: Deps,
  actor: Actor,
  unitId: number,
  method: MethodSettings,
) {
  const unit = await readableUnit(deps, actor, unitId);
  if (!can(actor, 'criteria.manage', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await methodRepo.saveSettings(
      tx,
      { unitId: unit.id, method, userId: actor.userId || null },
      now,
    );
    const reread = await methodRepo.rereadDueDates(
      tx,
      { path: unit.path },
      methodRepo.timelinessPoints(DEFAULT_DOSSIER_CONFIG),
    );
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId || null,
        actorName: actor.username,
        action: 'dossier.method',
        entity: 'unit',
        entityId: String(unit.id),
        unitId: unit.id,
        before:
          before === null
            ? null
            : {
                divisor: before.divisor,
                fewIndicators: before.few_indicators,
                dueWithoutTime: before.due_without_time,
              },
        after: { ...method, dossiersReread: reread },
      },
      now,
    );
  });
  return getMethodSettings(deps, actor, unitId);
}

/** The method settings as a report words them: where they come from, and one sentence each. */
export function methodSentences(method: MethodView): { source: string; lines: string[] } {
  return {
    source:
      method.setOn === null
        ? translate('vi', 'dossier_method_source_default')
        : translate('vi', 'dossier_method_source_unit', { unit: method.setOn.name }),
    lines: METHOD_KEYS.map((k) =>
      translate('vi', `dossier_method_${k}_${method.values[k]}` as MessageKey),
    ),
  };
}

/** The method settings as the exports print them: one line per reading, in Vietnamese. */
export function methodLines(method: MethodView): string[] {
  const source =
    method.setOn === null
      ? translate('vi', 'dossier_method_source_default')
      : translate('vi', 'dossier_method_source_unit', { unit: method.setOn.name });
  return [
    `${translate('vi', 'dossier_method_title')} (${source}):`,
    ...METHOD_KEYS.map(
      (k) => `- ${translate('vi', `dossier_method_${k}_${method.values[k]}` as MessageKey)}`,
    ),
  ];
}
