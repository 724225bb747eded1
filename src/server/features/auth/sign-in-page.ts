/**
 * The sign-in page itself, at /login: a light page of its own in the web build (dang-nhap/), not
 * the staff app (ADR 41). A visitor who is already signed in goes straight on to the page named in
 * `?next=` (a path of this site only), unless they have just signed out. Never cached, so a
 * release is seen at once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { SESSION_COOKIE } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { resolveSession } from './service.ts';

export const SIGN_IN_PATH = '/login';

/** The page to go on to: a path of this site (never another site, never /login), else home. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  // A browser drops tabs and line breaks from an address: "/\t/example.org" would leave the site.
  if (next.startsWith('//') || next.startsWith('/\\') || [...next].some((c) => c < ' ')) return '/';
  const pathOnly = next.split(/[?#]/)[0] ?? '';
  if (pathOnly === SIGN_IN_PATH || pathOnly.startsWith(`${SIGN_IN_PATH}/`)) return '/';
  return next;
}

export function registerSignInPage(app: App, deps: Deps): void {
  app.get(SIGN_IN_PATH, { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (query['signed-out'] === undefined) {
      const session = await resolveSession(deps, request.cookies[SESSION_COOKIE]);
      if (session) return reply.header('cache-control', 'no-store').redirect(safeNext(query.next));
    }
    let html: string;
    try {
      html = await readFile(path.join(deps.config.webDist, 'dang-nhap', 'index.html'), 'utf8');
    } catch {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
