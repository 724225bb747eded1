/**
 * Which database a request reads from (ADR 51). The routes that only read (public pages, rankings
 * and results, quarterly views, exports) take `readDeps(deps, request)`: a read handle on the
 * streaming replica, unless this browser changed something in the last few seconds; then the
 * primary, so a user always sees their own change. Everything else uses `deps` (the primary).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { readHandle } from '../infra/replica.ts';
import type { App } from './types.ts';

/** Set for `readAfterWriteSeconds` after a successful change: this browser reads from the primary. */
export const READ_PRIMARY_COOKIE = 'parindex_read_primary';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The dependencies a read route uses: its reads on the replica, or on the primary (see above). */
export function readDeps(deps: Deps, request: FastifyRequest): Deps {
  if (!deps.replica || request.cookies[READ_PRIMARY_COOKIE] !== undefined) return deps;
  return { ...deps, db: readHandle(deps.db, deps.replica) };
}

/**
 * Marks the browser of every successful change with the short cookie that keeps its reads on the
 * primary; and sends the replica's warnings to the server's log.
 */
export function registerReadRouting(app: App, deps: Deps): void {
  const replica = deps.replica;
  if (!replica) return;
  replica.warn = (message) => app.log.warn(message);
  const seconds = deps.config.readAfterWriteSeconds;
  if (seconds === 0) return;
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400)
      reply.setCookie(READ_PRIMARY_COOKIE, '1', {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies || request.protocol === 'https',
        maxAge: seconds,
      });
    return payload;
  });
}
