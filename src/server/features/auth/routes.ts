/** HTTP routes of sign-in, sign-out and the current session. */
import { z } from 'zod';
import { permissionsOf, type Permission } from '../../../domain/access.ts';
import type { Deps } from '../../deps.ts';
import { requireSession, SESSION_COOKIE } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, errorBody } from '../../http/schemas.ts';
import { changeOwnPassword, login, logout, type SessionInfo } from './service.ts';
import { changePasswordBody, loginBody, sessionBody } from '../../../shared/contract/auth.ts';
import { registerSignInPage } from './sign-in-page.ts';

function presentSession(s: SessionInfo): z.infer<typeof sessionBody> {
  const has = (p: Permission) => s.grants.some((g) => permissionsOf(g.role).includes(p));
  return {
    user: {
      id: s.actor.userId,
      username: s.actor.username,
      fullName: s.actor.fullName,
      mustChangePassword: s.mustChangePassword,
      locale: s.locale,
    },
    grants: s.grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitName,
      unitCode: g.unitCode,
    })),
    permissions: {
      manageUnits: has('unit.manage'),
      importUnits: has('unit.import'),
      manageUsers: has('user.manage'),
      readAudit: has('audit.read'),
      manageCriteria: has('criteria.manage'),
    },
    csrfToken: s.csrfToken,
  };
}

export function registerAuthRoutes(app: App, deps: Deps): void {
  registerSignInPage(app, deps);

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Đăng nhập; đặt cookie phiên. Trả về mã chống giả mạo (gửi lại trong tiêu đề x-csrf-token).',
        body: loginBody,
        response: {
          200: sessionBody,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      const { token, session } = await login(deps, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        // Secure when configured, or when the request came over HTTPS (directly, or through a
        // trusted proxy that says so in X-Forwarded-Proto).
        secure: deps.config.secureCookies || request.protocol === 'https',
        maxAge: deps.config.sessionTtlHours * 3600,
      });
      return presentSession(session);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: z.null(), 403: errorBody } },
    },
    async (request, reply) => {
      await logout(deps, request.sessionToken, request.session?.actor ?? null);
      reply.clearCookie(SESSION_COOKIE, {
        path: '/',
        secure: deps.config.secureCookies || request.protocol === 'https',
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Phiên làm việc hiện tại',
        response: { 200: sessionBody, 401: errorBody },
      },
    },
    async (request) => presentSession(requireSession(request)),
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của chính mình',
        body: changePasswordBody,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      await changeOwnPassword(deps, session.actor, request.body, request.sessionToken ?? '');
      return reply.code(204).send(null);
    },
  );
}
