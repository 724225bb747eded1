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
 *   `rate_counters` table, with the sign-in limit's windows, in one statement per group of answers
 *   arriving together, which does not wait for the disk (`repo.addRateHits`), so hot counters do
 *   not serialise answers (429 beyond the configured limits).
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
const secretCache = new WeakMap<object, Promise<Buffer>>();

/** The HMAC secret of form tokens, created once per database and shared by every process. */
async function formSecret(db: Queryable & object): Promise<Buffer> {
  let secret = secretCache.get(db);
  if (!secret) {
    secret = (async () => {
      await db.query(
        `INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
        [SECRET_KEY, JSON.stringify(randomBytes(32).toString('base64'))],
      );
      const rows = await db.query<{ value: string }>(
        'SELECT value FROM app_settings WHERE key = $1',
        [SECRET_KEY],
      );
      return Buffer.from(rows[0]!.value, 'base64');
    })();
    secretCache.set(db, secret);
    secret.catch(() => secretCache.delete(db));
  }
  return secret;
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
): Promise<{ duplicate: boolean; receipt: string; receivedAt: Date }> {
  const inserted = await repo.insertResponse(
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

interface PendingHits {
  hits: Map<string, number>;
  waiters: {
    keys: string[];
    ordinal: Map<string, number>;
    done: (r: CounterResult) => void;
    fail: (e: unknown) => void;
  }[];
}
type CounterResult = Map<string, { hits: number; windowStart: Date }>;
const pendingHits = new WeakMap<object, PendingHits>();

/**
 * Counts one hit on each key, grouping the hits of answers arriving together into one statement
 * (like a group commit): each answer still sees its own count, as if counted alone.
 */
function countHits(deps: Deps, keys: string[]): Promise<CounterResult> {
  let batch = pendingHits.get(deps.db);
  if (!batch) {
    const created: PendingHits = { hits: new Map(), waiters: [] };
    pendingHits.set(deps.db, created);
    batch = created;
    setImmediate(() => {
      pendingHits.delete(deps.db);
      repo.addRateHits(deps.db, created.hits, deps.clock.now(), 60).then(
        (totals) => {
          for (const w of created.waiters) {
            const mine: CounterResult = new Map();
            for (const k of w.keys) {
              const t = totals.get(k);
              // Hits of later answers in the batch are not this answer's concern.
              if (t)
                mine.set(k, {
                  hits: t.hits - (created.hits.get(k)! - w.ordinal.get(k)!),
                  windowStart: t.windowStart,
                });
            }
            w.done(mine);
          }
        },
        (error: unknown) => {
          for (const w of created.waiters) w.fail(error);
        },
      );
    });
  }
  const ordinal = new Map<string, number>();
  for (const k of keys) {
    const n = (batch.hits.get(k) ?? 0) + 1;
    batch.hits.set(k, n);
    ordinal.set(k, n);
  }
  const current = batch;
  return new Promise((done, fail) => current.waiters.push({ keys, ordinal, done, fail }));
}

async function checkRate(deps: Deps, ip: string, formKey: string): Promise<void> {
  const now = deps.clock.now();
  const addressKey = `sipas:ip:${ip}`;
  const formCounter = `sipas:form:${formKey}`;
  const hits = await countHits(deps, [addressKey, formCounter]);
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
