/**
 * The composition root of the HTTP server: builds a Fastify app from its dependencies (database,
 * clock, configuration), with security headers, sessions, anti-forgery checks, the one error shape,
 * the OpenAPI document and the web app's static files.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { AppError, presentError, statusOfKind } from '../errors.ts';
import { localeFromHeader } from '../i18n/messages.ts';
import { csrfMatches, resolveSession } from '../features/auth/service.ts';
import { registerAuthRoutes } from '../features/auth/routes.ts';
import { registerUnitRoutes } from '../features/units/routes.ts';
import { registerUserRoutes } from '../features/users/routes.ts';
import { registerAuditRoutes } from '../features/audit/routes.ts';
import { registerHealthRoutes } from '../features/health/routes.ts';
import { registerCriteriaRoutes } from '../features/criteria/routes.ts';
import { registerCampaignRoutes } from '../features/campaigns/routes.ts';
import { registerCampaignSetupRoutes } from '../features/campaigns/setup-routes.ts';
import { registerEvidenceRoutes } from '../features/evidence/routes.ts';
import { registerDossierRoutes } from '../features/dossiers/routes.ts';
import { registerSipasRoutes } from '../features/sipas/routes.ts';
import { registerSipasEntryRoutes } from '../features/sipas/entry-routes.ts';
import { registerDocumentRoutes } from '../features/documents/routes.ts';
import { registerRemediationRoutes } from '../features/remediation/routes.ts';
import { registerNotificationRoutes } from '../features/notifications/routes.ts';
import { registerSocialSurveyRoutes } from '../features/social-survey/routes.ts';
import { registerHomeRoutes } from '../features/home/routes.ts';
import { validationDetails } from './validation.ts';
import { StorageUnavailableError } from '../infra/storage.ts';
import { multipartFailure, refuseBadText, refusedValue } from './bad-input.ts';
import { CSRF_HEADER, isPublicRoute, SESSION_COOKIE } from './session.ts';
import { registerReadRouting } from './read-routing.ts';
import type { App } from './types.ts';

/**
 * Paths that change state without a session, so without an anti-forgery token: signing in, and
 * every route under /api/v1/public/ (the SIPAS answer, the dossier rating, the survey link's
 * answer), which read no session, so a staff member's cookie must not make them fail.
 */
const csrfExempt = (path: string): boolean =>
  path === '/api/v1/auth/login' || path.startsWith('/api/v1/public/');

export type { App } from './types.ts';

/**
 * Fastify's trust of reverse proxies: a number of hops becomes a function of the hop (its types
 * take no number), so the nearest n proxies are trusted and the address before them is the client.
 */
function trustProxyOption(
  trust: Deps['config']['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

/** What the OpenAPI document says an upload route's multipart body carries. */
const MULTIPART_BODY = {
  type: 'object',
  properties: { file: { type: 'string', format: 'binary' } },
  required: ['file'],
};

/**
 * The zod schemas turned into the OpenAPI document; a route that `consumes` multipart/form-data
 * and validates no body itself is documented with a file field, so clients (and the malformed-input
 * test) know it takes an upload.
 */
const documentUploads: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const consumes = (input.schema as { consumes?: string[] } | undefined)?.consumes;
  if (consumes?.includes('multipart/form-data') && !out.schema.body)
    return { ...out, schema: { ...out.schema, body: MULTIPART_BODY } };
  return out;
};

/** Builds the HTTP application. */
export async function createApp(deps: Deps, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
          },
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    // One line per request only when debugging; errors are always logged.
    logController: new LogController({
      disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>() as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 20 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'parindex API',
        version: '1',
        description: 'Chỉ số CCHC, SIPAS và đánh giá giải quyết TTHC',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
    },
    transform: documentUploads,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('locale', 'vi');

  // Who is calling, in which language, and is a state-changing call really from our own page?
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    if (!request.url.startsWith('/api/v1/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.sessionToken = token;
    request.session = await resolveSession(deps, token);
    if (request.session && !request.headers['accept-language'])
      request.locale = request.session.locale;
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    const routePath = request.url.split('?')[0] ?? '';
    if (unsafe && request.session && !csrfExempt(request.routeOptions.url ?? routePath)) {
      const sent = request.headers[CSRF_HEADER];
      if (!csrfMatches(request.session.csrfToken, typeof sent === 'string' ? sent : undefined)) {
        throw new AppError('forbidden', 'csrf_invalid');
      }
    }
  });

  // No session, no look at the input: a caller who is not signed in learns nothing of a route's
  // body or parameters (a 401, not a 400 naming the fields).
  app.addHook('preValidation', async (request) => {
    const routeUrl = request.routeOptions.url ?? '';
    if (routeUrl.startsWith('/api/v1/') && !request.session && !isPublicRoute(routeUrl))
      throw new AppError('unauthenticated', 'not_authenticated');
  });

  // NUL bytes, lone surrogates and hostile nesting never reach a schema, a query or the database.
  app.addHook('preValidation', refuseBadText);

  // After a change, this browser's reads stay on the primary for a while (ADR 51).
  registerReadRouting(app, deps);

  app.setErrorHandler((error, request, reply) =>
    sendError(error, request, reply, deps.config.maxUploadBytes),
  );
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    // A missing script or file is a 404, never the app's page (a browser would refuse it as HTML).
    const isFile = pathname.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(pathname);
    if (
      request.url.startsWith('/api/') ||
      isFile ||
      !existsSync(path.join(deps.config.webDist, 'index.html')) ||
      request.method !== 'GET'
    ) {
      const body = presentError(
        new AppError('not_found', 'route_not_found', {
          method: request.method,
          url: request.url.split('?')[0] ?? '',
        }),
        request.locale,
      );
      return reply.code(404).send(body);
    }
    // Client-side routes of the web app; the page itself is never cached, so a release is seen at once.
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html')
      .sendFile('index.html', { maxAge: 0 });
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerUnitRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerCriteriaRoutes(app, deps);
  registerCampaignRoutes(app, deps);
  registerCampaignSetupRoutes(app, deps);
  registerEvidenceRoutes(app, deps);
  registerDossierRoutes(app, deps);
  registerSipasRoutes(app, deps);
  registerSipasEntryRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerRemediationRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerSocialSurveyRoutes(app, deps);
  registerHomeRoutes(app, deps);

  if (existsSync(deps.config.webDist)) {
    await app.register(fastifyStatic, {
      root: deps.config.webDist,
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      preCompressed: true,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        // Hashed asset names never change content; the page that names them must be revalidated.
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  return app;
}

/** Maps any error to the API's one error shape; only unexpected failures answer 500. */
function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  maxUploadBytes: number,
) {
  const locale = request.locale ?? 'vi';
  if (error instanceof AppError) {
    if (error.kind === 'rate_limited')
      reply.header('retry-after', String(error.params.seconds ?? 60));
    return reply.code(statusOfKind[error.kind]).send(presentError(error, locale));
  }
  if (error instanceof StorageUnavailableError) {
    request.log.warn({ reason: error.reason }, 'file storage unavailable');
    reply.header('retry-after', '30');
    return reply
      .code(503)
      .send(presentError(new AppError('unavailable', 'storage_unavailable'), locale));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const appError = new AppError(
      'invalid',
      'validation_failed',
      {},
      validationDetails(error.validation, context),
    );
    return reply.code(400).send(presentError(appError, locale));
  }
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const fileTooLarge = e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_FILES_LIMIT';
    const mapped =
      e.statusCode === 413 || fileTooLarge
        ? new AppError('too_large', 'payload_too_large', {
            limit: fileTooLarge
              ? `${Math.round(maxUploadBytes / 1024 / 1024)} MB`
              : `${Math.round(request.server.initialConfig.bodyLimit! / 1024)} KB`,
          })
        : e.statusCode === 415
          ? new AppError('unsupported', 'unsupported_media_type')
          : e.statusCode === 429
            ? new AppError('rate_limited', 'rate_limited', { seconds: 60 })
            : e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
                e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
                error instanceof SyntaxError
              ? new AppError('invalid', 'invalid_json')
              : new AppError('invalid', 'bad_request', { detail: e.code ?? 'request' });
    return reply.code(statusOfKind[mapped.kind]).send(presentError(mapped, locale));
  }
  const badInput = multipartFailure(error, request) ?? refusedValue(error);
  if (badInput) {
    request.log.warn({ err: error }, 'bad input refused');
    return reply.code(400).send(presentError(badInput, locale));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.code(500).send(presentError(new AppError('invalid', 'internal_error'), locale));
}
