/** HTTP routes of user administration. */
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, idParam } from '../../http/schemas.ts';
import * as contract from '../../../shared/contract/users.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';

export function registerUserRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Danh sách người dùng trong phạm vi quản lý',
        querystring: schemas.userListQuery,
        response: { 200: contract.userList, ...commonErrors },
      },
    },
    async (request) => service.listUsers(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Một người dùng',
        params: idParam,
        response: { 200: contract.userBody, ...commonErrors },
      },
    },
    async (request) => service.getUser(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng (mật khẩu tạm được sinh nếu không nhập)',
        body: contract.createUserBody,
        response: { 201: contract.createUserResult, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createUser(deps, requireActor(request), request.body)),
  );

  app.put(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa, vô hiệu hóa hoặc kích hoạt lại người dùng',
        params: idParam,
        body: contract.updateUserBody,
        response: { 200: contract.userBody, ...commonErrors },
      },
    },
    async (request) =>
      service.updateUser(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Đặt lại mật khẩu',
        params: idParam,
        body: contract.resetPasswordBody,
        response: { 200: contract.resetPasswordResult, ...commonErrors },
      },
    },
    async (request) =>
      service.resetPassword(deps, requireActor(request), request.params.id, request.body.password),
  );

  app.post(
    '/api/v1/users/:id/grants',
    {
      schema: {
        tags: ['users'],
        summary: 'Giao vai trò trên một đơn vị',
        params: idParam,
        body: contract.grantBody,
        response: { 200: contract.userBody, ...commonErrors },
      },
    },
    async (request) =>
      service.addGrant(deps, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/users/:id/grants/:grantId',
    {
      schema: {
        tags: ['users'],
        summary: 'Thu hồi vai trò',
        params: schemas.grantParams,
        response: { 200: contract.userBody, ...commonErrors },
      },
    },
    async (request) =>
      service.removeGrant(deps, requireActor(request), request.params.id, request.params.grantId),
  );
}
