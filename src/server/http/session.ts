/**
 * The session as routes see it: the cookie and anti-forgery header names, which routes answer
 * without a session, and the signed-in actor of a request (or a 401). The composition root
 * (app.ts) fills `request.session`; routes import these helpers from here, never from app.ts.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access.ts';
import { AppError } from '../errors.ts';
import type { Locale } from '../i18n/messages.ts';
import type { SessionInfo } from '../features/auth/service.ts';

export const SESSION_COOKIE = 'parindex_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    sessionToken: string | undefined;
    locale: Locale;
  }
}

/**
 * Whether a route of the API answers without a session: signing in and out and the public pages'
 * routes. Every other route answers 401 to a caller without a session before its input is read.
 */
export function isPublicRoute(routeUrl: string): boolean {
  return (
    routeUrl.startsWith('/api/v1/public/') ||
    routeUrl === '/api/v1/auth/login' ||
    routeUrl === '/api/v1/auth/logout'
  );
}

/** The signed-in actor, or a 401. */
export function requireSession(request: FastifyRequest): SessionInfo {
  if (!request.session) throw new AppError('unauthenticated', 'not_authenticated');
  return request.session;
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  return requireSession(request).actor;
}
