/**
 * Configuration, parsed once at start-up from the environment. Every problem is reported at once;
 * no other module reads process.env. `.env.example` documents each variable. The settings of the
 * external programs (LibreOffice, OCR, trust anchors), looked up where those programs are found,
 * are read through `toolsConfig()`, validated with the rest at start-up.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => (v === '' ? undefined : ['1', 'true', 'yes'].includes(v)));

/** Unset and empty mean the same: not configured. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

/** The variables that together configure S3-compatible object storage: all or none. */
const S3_VARIABLES = [
  'PARINDEX_S3_ENDPOINT',
  'PARINDEX_S3_BUCKET',
  'PARINDEX_S3_ACCESS_KEY_ID',
  'PARINDEX_S3_SECRET_ACCESS_KEY',
] as const;

/** An IPv4 or IPv6 address, optionally with a /prefix, or one of proxy-addr's named ranges. */
const PROXY_ENTRY =
  /^(loopback|linklocal|uniquelocal|(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?|[0-9a-f:]*:[0-9a-f:.]*(\/\d{1,3})?)$/i;

/**
 * Which reverse proxies are trusted to tell the client's address (X-Forwarded-For) and protocol
 * (X-Forwarded-Proto): off (0, false, unset), the nearest one (1, true, yes), the nearest n hops
 * (a number), or a comma-separated list of proxy addresses and ranges. Trusting every hop is not
 * offered: the client itself writes the far end of X-Forwarded-For.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): false | number | string[] => {
    const t = (v ?? '').trim().toLowerCase();
    if (['', '0', 'false', 'no'].includes(t)) return false;
    if (['true', 'yes'].includes(t)) return 1;
    if (/^\d+$/.test(t)) return Math.min(Number(t), 10);
    const entries = t
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const bad = entries.filter((e) => !PROXY_ENTRY.test(e));
    if (bad.length > 0 || entries.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be 0, 1, a number of proxies, or proxy addresses separated by commas (e.g. 127.0.0.1,10.0.0.0/8); not understood: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The web build shipped beside the sources. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The external programs' settings: read where each program is found (toolsConfig). */
const toolsSchema = z.object({
  PARINDEX_SOFFICE: optionalText,
  PARINDEX_PDF_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  PARINDEX_OCR: z
    .enum(['on', 'off', ''])
    .optional()
    .transform((v) => v !== 'off'),
  PARINDEX_TRUST_ANCHORS_DIR: optionalText.transform((v) => v?.trim() || undefined),
  PATH: z.string().optional(),
});

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PARINDEX_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    DATABASE_READ_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    PARINDEX_READ_AFTER_WRITE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    PARINDEX_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    PARINDEX_DEMO: flag.optional(),
    PARINDEX_SESSION_TTL_HOURS: positiveInt(12),
    PARINDEX_LOGIN_MAX_FAILURES: positiveInt(5),
    PARINDEX_LOGIN_MAX_DELAY_SECONDS: positiveInt(900),
    PARINDEX_LOGIN_ACCOUNT_MAX_DELAY_SECONDS: positiveInt(30),
    PARINDEX_LOGIN_RATE_PER_MINUTE: positiveInt(20),
    PARINDEX_SECURE_COOKIES: flag.optional(),
    PARINDEX_TRUST_PROXY: trustProxy,
    PARINDEX_MAX_UPLOAD_MB: positiveInt(50),
    PARINDEX_SIPAS_RATE_PER_ADDRESS: positiveInt(120),
    PARINDEX_SIPAS_RATE_PER_FORM: positiveInt(3000),
    PARINDEX_SIPAS_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(3600).default(3),
    PARINDEX_S3_ENDPOINT: optionalText.pipe(z.url().optional()),
    PARINDEX_S3_BUCKET: optionalText,
    PARINDEX_S3_ACCESS_KEY_ID: optionalText,
    PARINDEX_S3_SECRET_ACCESS_KEY: optionalText,
    PARINDEX_S3_REGION: z.string().min(1).default('us-east-1'),
    PARINDEX_S3_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    PARINDEX_PUBLIC_URL: optionalText.pipe(z.url().optional()),
    PARINDEX_SMTP_URL: optionalText.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
        .optional(),
    ),
    PARINDEX_SMTP_HOST: optionalText,
    PARINDEX_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    PARINDEX_SMTP_USER: optionalText,
    PARINDEX_SMTP_PASSWORD: optionalText,
    PARINDEX_SMTP_SECURE: flag.optional(),
    PARINDEX_SMTP_FROM: optionalText,
    PARINDEX_NOTIFY_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
    PARINDEX_AUDIT_KEY: optionalText.pipe(
      z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
    ),
    PARINDEX_AUDIT_CHECKPOINT_DIR: optionalText,
    PARINDEX_AUDIT_CHECKPOINT_EVERY: positiveInt(100),
    PARINDEX_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
    PARINDEX_WEB_DIST: optionalText,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .extend(toolsSchema.shape)
  .superRefine((e, ctx) => {
    if ((e.PARINDEX_SMTP_URL || e.PARINDEX_SMTP_HOST) && !e.PARINDEX_SMTP_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['PARINDEX_SMTP_FROM'],
        message: 'missing; e-mail needs a sender address (e.g. "Chỉ số CCHC <cchc@example.vn>")',
      });
    }
    const missing = S3_VARIABLES.filter((name) => !e[name]);
    if (missing.length > 0 && missing.length < S3_VARIABLES.length) {
      ctx.addIssue({
        code: 'custom',
        path: [missing.join(', ')],
        message: `missing; S3 object storage needs all of ${S3_VARIABLES.join(', ')} (or none of them to keep files on disk)`,
      });
    }
  });

/** How notification e-mails are sent; null: not at all (notifications stay in the app). */
export interface SmtpConfig {
  /** A connection URL (smtp://user:pass@host:587) or host, port and credentials. */
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** Where stored files live: on disk under the data directory, or in an S3-compatible bucket. */
export type StorageConfig =
  | { kind: 'disk' }
  | {
      kind: 's3';
      endpoint: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      region: string;
      /** Longest wait for the bucket to connect, answer or move a transfer on. */
      timeoutMs: number;
    };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * A streaming replica of DATABASE_URL for the routes that only read (ADR 51); undefined: they
   * read from the primary. Ignored on the embedded database.
   */
  databaseReadUrl: string | undefined;
  /**
   * Seconds after a browser's last successful change during which its reads stay on the primary
   * (it sees its own writes even when the replica lags); 0: no such rule.
   */
  readAfterWriteSeconds: number;
  adminPassword: string | undefined;
  /** Load demo data into an empty database (default: on for the embedded database only). */
  demo: boolean;
  sessionTtlHours: number;
  /** Failed sign-ins (per account and address) answered at once; later ones wait longer each time. */
  loginMaxFailures: number;
  /** Longest wait imposed on one address (for one account, or for all). */
  loginMaxDelaySeconds: number;
  /** Longest wait an account's failures from every address impose, on its owner too. */
  loginAccountMaxDelaySeconds: number;
  loginRatePerMinute: number;
  secureCookies: boolean;
  /** Trusted reverse proxies: none, the nearest n hops, or these addresses and ranges. */
  trustProxy: false | number | string[];
  maxUploadBytes: number;
  /** Public SIPAS answers accepted per minute from one address, and per form (campaign, unit, field). */
  sipasRatePerAddress: number;
  sipasRatePerForm: number;
  /** Fewest seconds between a public form being issued and its answer (slower is human). */
  sipasMinFillSeconds: number;
  storage: StorageConfig;
  /** The address users reach the web app at, for links in e-mails. */
  publicUrl: string;
  smtp: SmtpConfig | null;
  /** Minutes between two deadline scans (jobs of the runner); 0: only `parindex notifications run`. */
  notifyIntervalMinutes: number;
  /** The audit chain's anchor outside the database (ADR 24). */
  audit: AuditAnchorConfig;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** The built web app (index.html, khao-sat/, thu-thap/, assets). */
  webDist: string;
}

/** How the external programs are found and bounded. */
export interface ToolsConfig {
  /** LibreOffice binary set by the operator; undefined: the usual Debian places. */
  soffice: string | undefined;
  /** Longest a PDF conversion may take. */
  pdfTimeoutMs: number;
  /** False: OCR off whatever is installed. */
  ocr: boolean;
  /** Folder of the CA certificates that make a signature's chain trusted; undefined: none. */
  trustAnchorsDir: string | undefined;
  /** The system's search path, where the programs are looked for first (and given to them). */
  searchPath: string[];
}

/** Signed checkpoints of the audit chain's head, written outside the database. */
export interface AuditAnchorConfig {
  /** HMAC key of the checkpoints; null: no anchor (the chain is checked inside the database only). */
  key: string | null;
  /**
   * Folder of the checkpoints; null: the S3 bucket's `audit-checkpoints/` when stored files go to
   * a bucket, else `<dataDir>/audit-checkpoints`.
   */
  checkpointDir: string | null;
  /** A checkpoint once this many entries were appended since the last one. */
  everyEntries: number;
  /** A checkpoint at least this often while entries are appended; 0: only by count and at shutdown. */
  everyMinutes: number;
}

/** Thrown with every problem of the environment listed. */
export class ConfigError extends Error {}

function configError(issues: z.core.$ZodIssue[]): ConfigError {
  const lines = issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  return new ConfigError(`Cấu hình không hợp lệ (biến môi trường):\n${lines.join('\n')}`);
}

/**
 * The external programs' settings from an environment map (process.env by default). Read by the
 * modules that find those programs; `loadConfig` validates the same variables at start-up.
 */
export function toolsConfig(env: NodeJS.ProcessEnv = process.env): ToolsConfig {
  const parsed = toolsSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues);
  const e = parsed.data;
  return {
    soffice: e.PARINDEX_SOFFICE,
    pdfTimeoutMs: e.PARINDEX_PDF_TIMEOUT_SECONDS * 1000,
    ocr: e.PARINDEX_OCR,
    trustAnchorsDir: e.PARINDEX_TRUST_ANCHORS_DIR,
    searchPath: (e.PATH ?? '').split(':').filter(Boolean),
  };
}

/** Parses the configuration from an environment map (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.PARINDEX_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    readAfterWriteSeconds: e.PARINDEX_READ_AFTER_WRITE_SECONDS,
    adminPassword: e.PARINDEX_ADMIN_PASSWORD,
    demo: e.PARINDEX_DEMO ?? !e.DATABASE_URL,
    sessionTtlHours: e.PARINDEX_SESSION_TTL_HOURS,
    loginMaxFailures: e.PARINDEX_LOGIN_MAX_FAILURES,
    loginMaxDelaySeconds: e.PARINDEX_LOGIN_MAX_DELAY_SECONDS,
    loginAccountMaxDelaySeconds: e.PARINDEX_LOGIN_ACCOUNT_MAX_DELAY_SECONDS,
    loginRatePerMinute: e.PARINDEX_LOGIN_RATE_PER_MINUTE,
    secureCookies: e.PARINDEX_SECURE_COOKIES ?? false,
    trustProxy: e.PARINDEX_TRUST_PROXY,
    maxUploadBytes: e.PARINDEX_MAX_UPLOAD_MB * 1024 * 1024,
    sipasRatePerAddress: e.PARINDEX_SIPAS_RATE_PER_ADDRESS,
    sipasRatePerForm: e.PARINDEX_SIPAS_RATE_PER_FORM,
    sipasMinFillSeconds: e.PARINDEX_SIPAS_MIN_FILL_SECONDS,
    storage:
      e.PARINDEX_S3_ENDPOINT &&
      e.PARINDEX_S3_BUCKET &&
      e.PARINDEX_S3_ACCESS_KEY_ID &&
      e.PARINDEX_S3_SECRET_ACCESS_KEY
        ? {
            kind: 's3',
            endpoint: e.PARINDEX_S3_ENDPOINT,
            bucket: e.PARINDEX_S3_BUCKET,
            accessKeyId: e.PARINDEX_S3_ACCESS_KEY_ID,
            secretAccessKey: e.PARINDEX_S3_SECRET_ACCESS_KEY,
            region: e.PARINDEX_S3_REGION,
            timeoutMs: e.PARINDEX_S3_TIMEOUT_MS,
          }
        : { kind: 'disk' },
    publicUrl: (e.PARINDEX_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtp:
      (e.PARINDEX_SMTP_URL || e.PARINDEX_SMTP_HOST) && e.PARINDEX_SMTP_FROM
        ? {
            ...(e.PARINDEX_SMTP_URL ? { url: e.PARINDEX_SMTP_URL } : {}),
            ...(e.PARINDEX_SMTP_HOST ? { host: e.PARINDEX_SMTP_HOST } : {}),
            ...(e.PARINDEX_SMTP_PORT ? { port: e.PARINDEX_SMTP_PORT } : {}),
            ...(e.PARINDEX_SMTP_SECURE !== undefined ? { secure: e.PARINDEX_SMTP_SECURE } : {}),
            ...(e.PARINDEX_SMTP_USER ? { user: e.PARINDEX_SMTP_USER } : {}),
            ...(e.PARINDEX_SMTP_PASSWORD ? { password: e.PARINDEX_SMTP_PASSWORD } : {}),
            from: e.PARINDEX_SMTP_FROM,
          }
        : null,
    notifyIntervalMinutes: e.PARINDEX_NOTIFY_INTERVAL_MINUTES,
    audit: {
      key: e.PARINDEX_AUDIT_KEY ?? null,
      checkpointDir: e.PARINDEX_AUDIT_CHECKPOINT_DIR
        ? path.resolve(e.PARINDEX_AUDIT_CHECKPOINT_DIR)
        : null,
      everyEntries: e.PARINDEX_AUDIT_CHECKPOINT_EVERY,
      everyMinutes: e.PARINDEX_AUDIT_CHECKPOINT_MINUTES,
    },
    logLevel: e.LOG_LEVEL,
    webDist: e.PARINDEX_WEB_DIST ? path.resolve(e.PARINDEX_WEB_DIST) : DEFAULT_WEB_DIST,
  };
}
