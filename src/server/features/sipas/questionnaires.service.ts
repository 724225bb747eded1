/**
 * SIPAS questionnaires for staff: listing, reading, creating, JSON and Excel import and export,
 * updating and deleting, each in one transaction with its audit entry; the default questionnaire
 * (seed 000) ensured on first use.
 */
import { scopeOf, type Actor } from '../../../domain/access.ts';
import {
  DEFAULT_QUESTIONNAIRE,
  exportQuestionnaire,
  importQuestionnaire,
  validateQuestionnaire,
  type Questionnaire,
} from '../../../domain/sipas/questionnaire.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Queryable } from '../../infra/db.ts';
import { exportQuestionnaireXlsx, importQuestionnaireXlsx } from './questionnaire-xlsx.ts';
import * as repo from './repository.ts';
import { audit } from './audit.ts';

/** The first four bytes of a zip archive, hence of an .xlsx workbook. */
const ZIP_SIGNATURE = 0x04034b50;

export interface QuestionnaireView {
  id: number;
  code: string;
  version: string;
  name: string;
  inUse: boolean;
  document: Questionnaire;
  updatedAt: string;
}

function presentQuestionnaire(row: repo.QuestionnaireRow): QuestionnaireView {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    inUse: row.campaign_count > 0,
    document: row.document as Questionnaire,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function requireSipasManager(actor: Actor): void {
  const scope = scopeOf(actor, 'sipas.manage');
  if (scope !== null && scope.length === 0) throw new AppError('forbidden', 'forbidden');
}

function questionnaireProblems(problems: { path: string; message: string }[]): AppError {
  return new AppError(
    'invalid',
    'sipas_questionnaire_invalid',
    { count: problems.length },
    problems.slice(0, 200).map((p) => ({
      field: p.path === '' ? 'document' : `document.${p.path}`,
      key: 'sipas_problem',
      params: { message: p.message },
    })),
  );
}

/** Every questionnaire; any user who manages surveys somewhere may read them. */
export async function listQuestionnaires(deps: Deps, actor: Actor): Promise<QuestionnaireView[]> {
  requireSipasManager(actor);
  return (await repo.listQuestionnaires(deps.db)).map(presentQuestionnaire);
}

export async function getQuestionnaire(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  const row = await repo.findQuestionnaire(deps.db, id);
  if (!row) throw notFound('entity_sipas_questionnaire');
  return presentQuestionnaire(row);
}

/** Checks a questionnaire document (untrusted JSON) and returns it typed. */
function readDocument(document: unknown): Questionnaire {
  const problems = validateQuestionnaire(document);
  if (problems.length > 0) throw questionnaireProblems(problems);
  // Round-trip through the importer so unknown keys are dropped.
  const parsed = importQuestionnaire(JSON.stringify(document));
  if (!parsed.ok) throw questionnaireProblems(parsed.problems);
  return parsed.questionnaire;
}

/** Stores a new questionnaire version (its id and version come from the document). */
export async function createQuestionnaire(
  deps: Deps,
  actor: Actor,
  document: unknown,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  const q = readDocument(document);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (await repo.findQuestionnaireByCode(tx, q.id, q.version)) {
      throw new AppError('conflict', 'sipas_questionnaire_taken', {
        code: q.id,
        version: q.version,
      });
    }
    const id = await repo.insertQuestionnaire(
      tx,
      { code: q.id, version: q.version, name: q.name, document: q, createdBy: actor.userId },
      now,
    );
    await audit(tx, actor, 'sipas.questionnaire.create', 'sipas_questionnaire', id, null, now, {
      code: q.id,
      version: q.version,
    });
    return presentQuestionnaire((await repo.findQuestionnaire(tx, id))!);
  });
}

/** Imports a questionnaire from its JSON export. */
export async function importQuestionnaireJson(
  deps: Deps,
  actor: Actor,
  json: string,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  const parsed = importQuestionnaire(json);
  if (!parsed.ok) throw questionnaireProblems(parsed.problems);
  return createQuestionnaire(deps, actor, parsed.questionnaire);
}

/**
 * Imports a questionnaire file as a new version: an Excel workbook or a JSON export, told apart by
 * the content (never by the file's name). Nothing is saved unless the whole file is right.
 */
export async function importQuestionnaireFile(
  deps: Deps,
  actor: Actor,
  content: Buffer,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  if (content.length >= 4 && content.readUInt32LE(0) === ZIP_SIGNATURE) {
    return createQuestionnaire(deps, actor, await importQuestionnaireXlsx(content));
  }
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) return importQuestionnaireJson(deps, actor, text);
  throw new AppError('unsupported', 'sipas_questionnaire_file_type');
}

/** The Excel export of a questionnaire, read back unchanged by the import. */
export async function exportQuestionnaireXlsxFile(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<{ filename: string; content: Buffer }> {
  const q = await getQuestionnaire(deps, actor, id);
  return {
    filename: `${q.code}-${q.version}.xlsx`,
    content: await exportQuestionnaireXlsx(q.document),
  };
}

/** The JSON export of a questionnaire, read back unchanged by the import. */
export async function exportQuestionnaireJson(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<{ filename: string; json: string }> {
  const q = await getQuestionnaire(deps, actor, id);
  return {
    filename: `${q.code}-${q.version}.json`,
    json: exportQuestionnaire(q.document),
  };
}

/** Replaces a questionnaire that no campaign uses yet (a used one is frozen: make a new version). */
export async function updateQuestionnaire(
  deps: Deps,
  actor: Actor,
  id: number,
  document: unknown,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  const q = readDocument(document);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await repo.findQuestionnaire(tx, id);
    if (!row) throw notFound('entity_sipas_questionnaire');
    if (row.campaign_count > 0) {
      throw new AppError('conflict', 'sipas_questionnaire_in_use', {
        code: row.code,
        version: row.version,
      });
    }
    const other = await repo.findQuestionnaireByCode(tx, q.id, q.version);
    if (other && other.id !== id) {
      throw new AppError('conflict', 'sipas_questionnaire_taken', {
        code: q.id,
        version: q.version,
      });
    }
    await repo.updateQuestionnaire(
      tx,
      id,
      { code: q.id, version: q.version, name: q.name, document: q },
      now,
    );
    await audit(tx, actor, 'sipas.questionnaire.update', 'sipas_questionnaire', id, null, now, {
      code: q.id,
      version: q.version,
    });
    return presentQuestionnaire((await repo.findQuestionnaire(tx, id))!);
  });
}

export async function deleteQuestionnaire(deps: Deps, actor: Actor, id: number): Promise<void> {
  requireSipasManager(actor);
  await deps.db.transaction(async (tx) => {
    const row = await repo.findQuestionnaire(tx, id);
    if (!row) throw notFound('entity_sipas_questionnaire');
    if (row.campaign_count > 0) {
      throw new AppError('conflict', 'sipas_questionnaire_in_use', {
        code: row.code,
        version: row.version,
      });
    }
    await repo.deleteQuestionnaire(tx, id);
    await audit(
      tx,
      actor,
      'sipas.questionnaire.delete',
      'sipas_questionnaire',
      id,
      null,
      deps.clock.now(),
      { code: row.code, version: row.version },
    );
  });
}

/** The default questionnaire's row, stored on first use (the demo and new campaigns use it). */
export async function ensureDefaultQuestionnaire(tx: Queryable, now: Date): Promise<number> {
  const found = await repo.findQuestionnaireByCode(
    tx,
    DEFAULT_QUESTIONNAIRE.id,
    DEFAULT_QUESTIONNAIRE.version,
  );
  if (found) return found.id;
  return repo.insertQuestionnaire(
    tx,
    {
      code: DEFAULT_QUESTIONNAIRE.id,
      version: DEFAULT_QUESTIONNAIRE.version,
      name: DEFAULT_QUESTIONNAIRE.name,
      document: DEFAULT_QUESTIONNAIRE,
      createdBy: null,
    },
    now,
  );
}
