/**
 * Receiving SIPAS answers: the public form (web, QR, kiosk) and its anti-robot measures, single-use
 * dossier links, paper forms typed in by staff, and batches uploaded by the offline app. Every path
 * validates with the domain's `validateSubmission` and stores through `storeSubmission`, which
 * counts a form once: the database refuses a second row with the same client id, dossier code
 * (per campaign) or paper serial (per campaign and unit). The row is committed before the
 * acknowledgement is returned.
 *
 * Anti-robot measures of the public form (see docs/adr/0008-sipas-public-submissions.md):
 * - the form carries `formToken` = campaign id, issue time and an HMAC of both with a secret kept
 *   in `app_settings`; an answer sent sooner than PARINDEX_SIPAS_MIN_FILL_SECONDS after issue, or
 *   with a token that is forged, for another campaign or older than 7 days, is refused (400) with a
 *   polite message, so a person with a stale page knows to reload;
 * - a honeypot field (`website`), invisible to people, must stay empty; when filled the answer is
 *   acknowledged exactly like a real one but not stored, so a robot learns nothing;
 * - answers per address and per form (campaign, unit, field) per minute are counted in the shared
 *   `rate_counters` table, with the sign-in limit's windows (429 beyond the configured limits):
 *   each process decides from the shared totals plus its own hits since it last added them, and
 *   adds them four times a second in one statement that does not wait for the disk
 *   (`repo.addRateHits`), so an answer never waits for a counter;
 * - accepted answers arriving together are inserted in one statement and one commit (a group
 *   commit), each acknowledged only once that commit is done.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { can, type Actor } from '../../../domain/access.ts';
import {
  DEFAULT_SUBMISSION_RULES,
  validateSubmission,
  type SurveySubmission,
} from '../../../domain/sipas/answers.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, type ErrorDetail } from '../../errors.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import type { Queryable } from '../../infra/db.ts';
import { databaseKey } from '../../infra/settings.ts';
import * as repo from './repository.ts';
import {
  appendSipasAudit,
  cachedCampaignContext,
  loadCampaignContext,
  type CampaignContext,
  type Channel,
} from './service.ts';

const TOKEN_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const SECRET_KEY = 'sipas_form_secret';
/** The HMAC secret of form tokens, created once per database and shared by every process. */
function formSecret(db: Queryable & object): Promise<Buffer> {
  return databaseKey(db, SECRET_KEY);
}

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A form token: "<campaignId>.<issued ms>.<hmac>". */
export async function issueFormToken(deps: Deps, campaignId: number): Promise<string> {
  const payload = `${campaignId}.${deps.clock.now().getTime()}`;
  return `${payload}.${sign(await formSecret(deps.db), payload)}`;
}

async function checkFormToken(deps: Deps, token: string, campaignId: number): Promise<void> {
  const [id, issued, mac] = token.split('.');
  const payload = `${id}.${issued}`;
  const expected = Buffer.from(sign(await formSecret(deps.db), payload));
  const given = Buffer.from(mac ?? '');
  const issuedAt = Number(issued);
  const age = deps.clock.now().getTime() - issuedAt;
  if (
    given.length !== expected.length ||
    !timingSafeEqual(given, expected) ||
    Number(id) !== campaignId ||
    !Number.isFinite(issuedAt) ||
    age > TOKEN_MAX_AGE_MS
  ) {
    throw new AppError('invalid', 'sipas_form_token_invalid');
  }
  if (age < deps.config.sipasMinFillSeconds * 1000) {
    throw new AppError('invalid', 'sipas_form_too_fast');
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function requireOpen(ctx: CampaignContext, channel: Channel): void {
  if (ctx.row.status !== 'open') {
    throw new AppError('conflict', 'sipas_campaign_closed', { name: ctx.row.name });
  }
  if (!ctx.row.channels.includes(channel)) {
    throw new AppError('forbidden', 'sipas_channel_disabled', { channel });
  }
}

/** What a public page needs to render a form. */
export interface PublicForm {
  campaignId: number;
  campaignName: string;
  periodEnd: string;
  questionnaire: CampaignContext['questionnaire'];
  units: { id: number; name: string }[];
  fields: { id: string; name: string }[];
  formToken: string;
  /** The name of the field that must stay empty. */
  honeypot: 'website';
  minFillSeconds: number;
  dossier?: { code: string; unitId: number; fieldId: string };
}

function publicForm(
  ctx: CampaignContext,
  token: string,
  deps: Deps,
  unitId: number | undefined,
  fieldId: string | undefined,
): PublicForm {
  const units = ctx.units.filter((u) => unitId === undefined || u.unit_id === unitId);
  const fields = ctx.row.fields.filter((f) => fieldId === undefined || f.id === fieldId);
  if (units.length === 0 || fields.length === 0) throw notFound('entity_sipas_campaign');
  return {
    campaignId: ctx.row.id,
    campaignName: ctx.row.name,
    periodEnd: ctx.row.period_end,
    questionnaire: ctx.questionnaire,
    units: units.map((u) => ({ id: u.unit_id, name: u.name })),
    fields,
    formToken: token,
    honeypot: 'website',
    minFillSeconds: deps.config.sipasMinFillSeconds,
  };
}

/** The form of an open campaign accepting public answers (only that campaign's data). */
export async function getPublicForm(
  deps: Deps,
  campaignId: number,
  unitId: number | undefined,
  fieldId: string | undefined,
): Promise<PublicForm> {
  const ctx = await cachedCampaignContext(deps, campaignId);
  // A campaign not open to the public is "not found" to the public, whatever its state.
  if (
    !ctx ||
    ctx.row.status !== 'open' ||
    !['web', 'qr', 'kiosk'].some((c) => ctx.row.channels.includes(c))
  ) {
    throw notFound('entity_sipas_campaign');
  }
  return publicForm(ctx, await issueFormToken(deps, campaignId), deps, unitId, fieldId);
}

/** The form behind a dossier link, with its dossier filled in; a used link is refused politely. */
export async function getLinkForm(deps: Deps, token: string): Promise<PublicForm> {
  const link = await repo.findLink(deps.db, sha256(token));
  if (!link) throw notFound('entity_sipas_link');
  if (link.used_at) throw new AppError('conflict', 'sipas_link_used');
  const ctx = await cachedCampaignContext(deps, link.campaign_id);
  if (!ctx) throw notFound('entity_sipas_link');
  requireOpen(ctx, 'dossier_link');
  return {
    ...publicForm(ctx, await issueFormToken(deps, ctx.row.id), deps, link.unit_id, link.field_id),
    dossier: { code: link.dossier_code, unitId: link.unit_id, fieldId: link.field_id },
  };
}

/** A submission as any channel sends it. */
export interface SubmissionBody {
  clientId: string;
  unitId: number;
  fieldId: string;
  questionnaireId: string;
  questionnaireVersion: string;
  answers: Record<string, unknown>;
  profile: Record<string, unknown>;
  suggestion?: string | null | undefined;
  dossierCode?: string | null | undefined;
  paperSerial?: string | null | undefined;
}

/** The acknowledgement of a stored (or already stored) form. */
export interface Acknowledgement {
  receipt: string;
  receivedAt: string;
  message: string;
}

function validate(ctx: CampaignContext, body: SubmissionBody): SurveySubmission {
  const result = validateSubmission(
    ctx.questionnaire,
    {
      clientId: body.clientId,
      questionnaireId: body.questionnaireId,
      questionnaireVersion: body.questionnaireVersion,
      unitId: String(body.unitId),
      fieldId: body.fieldId,
      answers: body.answers,
      profile: body.profile,
      suggestion: body.suggestion ?? null,
      dossierCode: body.dossierCode ?? null,
      paperSerial: body.paperSerial ?? null,
    },
    {
      ...DEFAULT_SUBMISSION_RULES,
      unitIds: ctx.units.map((u) => String(u.unit_id)),
      fieldIds: ctx.row.fields.map((f) => f.id),
    },
  );
  if (!result.ok) {
    throw new AppError(
      'invalid',
      'sipas_submission_invalid',
      { count: result.problems.length },
      result.problems.map((p): ErrorDetail => ({
        field: p.path,
        key: 'sipas_problem',
        params: { message: p.message },
      })),
    );
  }
  return result.submission;
}

/**
 * Stores a validated form once. A repeat with the same client id (in the same campaign) is
 * acknowledged again without a second row; a dossier code or paper serial already answered is a
 * polite 409.
 */
export async function storeSubmission(
  db: Queryable,
  ctx: CampaignContext,
  s: SurveySubmission,
  channel: Channel,
  enteredBy: number | null,
  now: Date,
  insert: typeof repo.insertResponse = repo.insertResponse,
): Promise<{ duplicate: boolean; receipt: string; receivedAt: Date }> {
  const inserted = await insert(
    db,
    {
      campaignId: ctx.row.id,
      unitId: Number(s.unitId),
      fieldId: s.fieldId,
      channel,
      answers: s.answers,
      profile: s.profile,
      suggestion: s.suggestion,
      clientId: s.clientId,
      dossierCode: s.dossierCode,
      paperSerial: s.paperSerial,
      enteredBy,
    },
    now,
  );
  if (inserted) return { duplicate: false, receipt: s.clientId, receivedAt: inserted.received_at };
  const existing = await repo.findResponseByClientId(db, s.clientId);
  if (existing) {
    if (existing.campaign_id !== ctx.row.id || existing.unit_id !== Number(s.unitId))
      throw new AppError('conflict', 'sipas_client_id_taken');
    return { duplicate: true, receipt: s.clientId, receivedAt: existing.received_at };
  }
  if (s.dossierCode && (await repo.dossierTaken(db, ctx.row.id, s.dossierCode)))
    throw new AppError('conflict', 'sipas_dossier_answered', { code: s.dossierCode });
  if (
    s.paperSerial &&
    (await repo.paperSerialTaken(db, ctx.row.id, Number(s.unitId), s.paperSerial))
  )
    throw new AppError('conflict', 'sipas_paper_serial_taken', { serial: s.paperSerial });
  throw new AppError('conflict', 'conflict');
}

function acknowledge(receipt: string, receivedAt: Date, locale: Locale): Acknowledgement {
  return {
    receipt,
    receivedAt: new Date(receivedAt).toISOString(),
    message: translate(locale, 'sipas_received'),
  };
}

/** A rate counter as this process knows it: the shared total at the last exchange plus its own hits since. */
interface LocalCounter {
  windowStart: number;
  hits: number;
  unsent: number;
}

interface RateLedger {
  counters: Map<string, LocalCounter>;
  timer: ReturnType<typeof setTimeout> | null;
}

const ledgers = new WeakMap<object, RateLedger>();
/** How often a process adds its hits to the shared counters and learns the others'. */
const RATE_SYNC_MS = 250;
const RATE_WINDOW_MS = 60_000;

/**
 * Counts one hit on each key and returns the counts. The count is decided in this process (no
 * database round trip on the answer's path): the shared `rate_counters` total learnt at the last
 * exchange plus this process's hits since; every RATE_SYNC_MS the hits are added to the shared
 * counters in one statement (`repo.addRateHits`) and the totals, with the other processes' hits,
 * come back. With several processes a limit may be passed by what they receive within one
 * exchange interval; the counters were already best-effort (see the module header).
 */
function countHits(deps: Deps, keys: string[]): Map<string, { hits: number; windowStart: Date }> {
  let ledger = ledgers.get(deps.db);
  if (!ledger) {
    ledger = { counters: new Map(), timer: null };
    ledgers.set(deps.db, ledger);
  }
  const now = deps.clock.now().getTime();
  const result = new Map<string, { hits: number; windowStart: Date }>();
  for (const key of keys) {
    let counter = ledger.counters.get(key);
    if (!counter || now - counter.windowStart >= RATE_WINDOW_MS) {
      counter = { windowStart: now, hits: 0, unsent: counter?.unsent ?? 0 };
      ledger.counters.set(key, counter);
    }
    counter.hits += 1;
    counter.unsent += 1;
    result.set(key, { hits: counter.hits, windowStart: new Date(counter.windowStart) });
  }
  if (!ledger.timer) {
    const current = ledger;
    current.timer = setTimeout(() => void exchangeHits(deps, current), RATE_SYNC_MS);
    current.timer.unref?.();
  }
  return result;
}

/** Adds this process's unsent hits to the shared counters and takes back the shared totals. */
async function exchangeHits(deps: Deps, ledger: RateLedger): Promise<void> {
  const sending = new Map<string, number>();
  for (const [key, counter] of ledger.counters) {
    if (counter.unsent > 0) sending.set(key, counter.unsent);
    counter.unsent = 0;
  }
  const now = deps.clock.now();
  try {
    if (sending.size > 0) {
      const totals = await repo.addRateHits(deps.db, sending, now, RATE_WINDOW_MS / 1000);
      for (const [key, total] of totals) {
        const counter = ledger.counters.get(key);
        if (!counter) continue;
        // Hits counted here while the statement ran are not in the total yet.
        counter.hits = total.hits + counter.unsent;
        counter.windowStart = total.windowStart.getTime();
      }
    }
  } catch {
    // The database is busy or gone: keep the hits for the next exchange.
    for (const [key, n] of sending) {
      const counter = ledger.counters.get(key);
      if (counter) counter.unsent += n;
    }
  }
  // Forget counters whose window has passed and that have nothing left to send.
  for (const [key, counter] of ledger.counters) {
    if (counter.unsent === 0 && now.getTime() - counter.windowStart >= RATE_WINDOW_MS)
      ledger.counters.delete(key);
  }
  ledger.timer = null;
  if ([...ledger.counters.values()].some((c) => c.unsent > 0)) {
    ledger.timer = setTimeout(() => void exchangeHits(deps, ledger), RATE_SYNC_MS);
    ledger.timer.unref?.();
  }
}

interface PendingInserts {
  rows: repo.ResponseWrite[];
  waiters: {
    done: (r: { id: number; received_at: Date } | null) => void;
    fail: (e: unknown) => void;
  }[];
}
const pendingInserts = new WeakMap<object, PendingInserts>();

/**
 * Inserts a public answer together with the others arriving in the same turn of the event loop:
 * one statement and one commit for all of them (a group commit), so the disk is flushed once per
 * group instead of once per answer. Each answer still learns whether it was stored (null when one
 * of its unique keys was taken, as `repo.insertResponse` says), and only after the commit. A group
 * that fails as a whole (a row the database refuses) is retried one answer at a time, so one bad
 * answer does not fail the others.
 */
function insertGrouped(
  db: Queryable & object,
  row: repo.ResponseWrite,
  now: Date,
): Promise<{ id: number; received_at: Date } | null> {
  let group = pendingInserts.get(db);
  if (!group) {
    const created: PendingInserts = { rows: [], waiters: [] };
    pendingInserts.set(db, created);
    group = created;
    setImmediate(() => {
      pendingInserts.delete(db);
      void flushInserts(db, created, now);
    });
  }
  const current = group;
  return new Promise((done, fail) => {
    current.rows.push(row);
    current.waiters.push({ done, fail });
  });
}

async function flushInserts(db: Queryable, group: PendingInserts, now: Date): Promise<void> {
  // A client id twice in one group: the first is inserted, the later ones are told "not stored"
  // and find the first one as their duplicate.
  const seen = new Set<string>();
  const unique = group.rows.filter((r) => !seen.has(r.clientId) && seen.add(r.clientId));
  try {
    const stored = await repo.insertResponsesReturning(db, unique, now);
    const taken = new Set<string>();
    group.rows.forEach((row, i) => {
      const hit = taken.has(row.clientId) ? undefined : stored.get(row.clientId);
      taken.add(row.clientId);
      group.waiters[i]!.done(hit ?? null);
    });
  } catch {
    for (const [i, row] of group.rows.entries()) {
      repo.insertResponse(db, row, now).then(group.waiters[i]!.done, group.waiters[i]!.fail);
    }
  }
}

async function checkRate(deps: Deps, ip: string, formKey: string): Promise<void> {
  const now = deps.clock.now();
  const addressKey = `sipas:ip:${ip}`;
  const formCounter = `sipas:form:${formKey}`;
  const hits = countHits(deps, [addressKey, formCounter]);
  const byAddress = hits.get(addressKey);
  const byForm = hits.get(formCounter);
  const over =
    byAddress && byAddress.hits > deps.config.sipasRatePerAddress
      ? byAddress
      : byForm && byForm.hits > deps.config.sipasRatePerForm
        ? byForm
        : null;
  if (over) {
    const seconds = Math.max(
      1,
      Math.ceil((over.windowStart.getTime() + 60_000 - now.getTime()) / 1000),
    );
    throw new AppError('rate_limited', 'rate_limited', { seconds });
  }
}

/** A public answer: the form's fields plus its token, channel, honeypot and optional link. */
export interface PublicSubmission extends SubmissionBody {
  campaignId: number;
  formToken: string;
  channel: 'web' | 'qr' | 'kiosk' | 'dossier_link';
  website?: string | undefined;
  linkToken?: string | undefined;
}

/** Receives a public answer (no sign-in). See the module header for the anti-robot rules. */
export async function submitPublicResponse(
  deps: Deps,
  input: PublicSubmission,
  meta: { ip: string; locale: Locale },
): Promise<Acknowledgement> {
  await checkRate(deps, meta.ip, `${input.campaignId}:${input.unitId}:${input.fieldId}`);
  const ctx = await cachedCampaignContext(deps, input.campaignId);
  if (!ctx) throw notFound('entity_sipas_campaign');
  if (input.website !== undefined && input.website.trim() !== '') {
    // The honeypot was filled: look like success, store nothing.
    return acknowledge(input.clientId.toLowerCase(), deps.clock.now(), meta.locale);
  }
  await checkFormToken(deps, input.formToken, input.campaignId);
  if (input.channel === 'dossier_link') return submitThroughLink(deps, ctx, input, meta.locale);
  requireOpen(ctx, input.channel);
  const submission = validate(ctx, { ...input, paperSerial: null });
  const stored = await storeSubmission(
    deps.db,
    ctx,
    submission,
    input.channel,
    null,
    deps.clock.now(),
    insertGrouped,
  );
  return acknowledge(stored.receipt, stored.receivedAt, meta.locale);
}

async function submitThroughLink(
  deps: Deps,
  ctx: CampaignContext,
  input: PublicSubmission,
  locale: Locale,
): Promise<Acknowledgement> {
  requireOpen(ctx, 'dossier_link');
  const link = input.linkToken ? await repo.findLink(deps.db, sha256(input.linkToken)) : null;
  if (!link || link.campaign_id !== ctx.row.id) throw notFound('entity_sipas_link');
  // The link decides the unit, the field and the dossier.
  const submission = validate(ctx, {
    ...input,
    unitId: link.unit_id,
    fieldId: link.field_id,
    dossierCode: link.dossier_code,
    paperSerial: null,
  });
  const stored = await deps.db.transaction(async (tx) => {
    const existing = await repo.findResponseByClientId(tx, submission.clientId);
    if (existing && existing.campaign_id === ctx.row.id && existing.unit_id === link.unit_id) {
      return { receipt: submission.clientId, receivedAt: existing.received_at };
    }
    if (!(await repo.consumeLink(tx, link.id, deps.clock.now())))
      throw new AppError('conflict', 'sipas_link_used');
    return storeSubmission(tx, ctx, submission, 'dossier_link', null, deps.clock.now());
  });
  return acknowledge(stored.receipt, stored.receivedAt, locale);
}

/** Creates single-use links for dossier codes; returns each code's token (shown only now). */
export async function createDossierLinks(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  input: { unitId: number; fieldId: string; dossierCodes: string[] },
) {
  return deps.db.transaction(async (tx) => {
    const ctx = await loadCampaignContext(tx, campaignId);
    if (!ctx) throw notFound('entity_sipas_campaign');
    const unit = ctx.units.find((u) => u.unit_id === input.unitId);
    if (!unit)
      throw new AppError('invalid', 'sipas_unit_not_in_campaign', { unit: String(input.unitId) });
    if (!can(actor, 'sipas.manage', unit.path) && !can(actor, 'sipas.enter', unit.path))
      throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
    if (!ctx.row.fields.some((f) => f.id === input.fieldId)) {
      throw new AppError('invalid', 'validation_failed', {}, [
        { field: 'fieldId', key: 'field_invalid', params: { field: 'fieldId' } },
      ]);
    }
    const codes = [...new Set(input.dossierCodes.map((c) => c.replace(/\s+/g, '').toUpperCase()))];
    const tokens = new Map(codes.map((c) => [c, randomBytes(24).toString('base64url')]));
    const now = deps.clock.now();
    const result = await repo.insertLinks(
      tx,
      codes.map((code) => ({
        campaignId,
        unitId: input.unitId,
        fieldId: input.fieldId,
        dossierCode: code,
        tokenHash: sha256(tokens.get(code)!),
      })),
      actor.userId,
      now,
    );
    await appendSipasAudit(
      tx,
      actor,
      'sipas.links.create',
      'sipas_campaign',
      campaignId,
      input.unitId,
      now,
      {
        count: result.filter((r) => r.inserted).length,
      },
    );
    return {
      items: result.map((r) => ({
        dossierCode: r.dossier_code,
        created: r.inserted,
        token: r.inserted ? tokens.get(r.dossier_code)! : null,
      })),
    };
  });
}

function requireEnterOn(actor: Actor, ctx: CampaignContext, unitId: number) {
  const unit = ctx.units.find((u) => u.unit_id === unitId);
  if (!unit) {
    throw new AppError('invalid', 'sipas_unit_not_in_campaign', { unit: String(unitId) }, [
      { field: 'unitId', key: 'sipas_unit_not_in_campaign', params: { unit: String(unitId) } },
    ]);
  }
  if (!can(actor, 'sipas.enter', unit.path) && !can(actor, 'sipas.manage', unit.path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  return unit;
}

/** A paper form typed in by an enumerator or unit officer; its serial is required and unique. */
export async function enterPaperResponse(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  body: Omit<SubmissionBody, 'clientId' | 'questionnaireId' | 'questionnaireVersion'> & {
    clientId?: string | undefined;
    paperSerial: string;
  },
  locale: Locale,
): Promise<Acknowledgement & { duplicate: boolean }> {
  const ctx = await loadCampaignContext(deps.db, campaignId);
  if (!ctx) throw notFound('entity_sipas_campaign');
  requireEnterOn(actor, ctx, body.unitId);
  requireOpen(ctx, 'paper');
  const submission = validate(ctx, {
    ...body,
    clientId: body.clientId ?? randomUUID(),
    questionnaireId: ctx.questionnaire.id,
    questionnaireVersion: ctx.questionnaire.version,
  });
  const stored = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const s = await storeSubmission(tx, ctx, submission, 'paper', actor.userId, now);
    if (!s.duplicate) {
      await appendSipasAudit(
        tx,
        actor,
        'sipas.paper.enter',
        'sipas_campaign',
        campaignId,
        body.unitId,
        now,
        {
          serial: submission.paperSerial,
          field: submission.fieldId,
        },
      );
    }
    return s;
  });
  return { ...acknowledge(stored.receipt, stored.receivedAt, locale), duplicate: stored.duplicate };
}

export const MAX_BATCH = 500;

export interface BatchItem extends SubmissionBody {
  campaignId: number;
}

export interface BatchResult {
  clientId: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  receivedAt?: string | undefined;
  code?: string | undefined;
  message?: string | undefined;
  problems?: { field: string; message: string }[] | undefined;
}

/**
 * Forms collected offline, uploaded together. Each item is stored on its own (one bad form does
 * not hold back the others) and exactly once: a re-sent batch reports "duplicate" for the forms
 * already stored.
 */
export async function uploadBatch(
  deps: Deps,
  actor: Actor,
  items: BatchItem[],
  locale: Locale,
): Promise<{ accepted: number; duplicates: number; rejected: number; items: BatchResult[] }> {
  if (items.length > MAX_BATCH)
    throw new AppError('too_large', 'sipas_batch_too_large', { max: MAX_BATCH });
  const contexts = new Map<number, CampaignContext | null>();
  const results: BatchResult[] = [];
  for (const item of items) {
    try {
      let ctx = contexts.get(item.campaignId);
      if (ctx === undefined) {
        ctx = await loadCampaignContext(deps.db, item.campaignId);
        contexts.set(item.campaignId, ctx);
      }
      if (!ctx) throw notFound('entity_sipas_campaign');
      requireEnterOn(actor, ctx, item.unitId);
      requireOpen(ctx, 'offline');
      const submission = validate(ctx, item);
      const stored = await storeSubmission(
        deps.db,
        ctx,
        submission,
        'offline',
        actor.userId,
        deps.clock.now(),
      );
      results.push({
        clientId: submission.clientId,
        status: stored.duplicate ? 'duplicate' : 'accepted',
        receivedAt: new Date(stored.receivedAt).toISOString(),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        clientId: item.clientId,
        status: 'rejected',
        code: error.code,
        message: translate(locale, error.code, error.params),
        problems: error.details.map((d) => ({
          field: d.field ?? '',
          message: translate(locale, d.key, d.params),
        })),
      });
    }
  }
  const count = (s: BatchResult['status']) => results.filter((r) => r.status === s).length;
  return {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    items: results,
  };
}
