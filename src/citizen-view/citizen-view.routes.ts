/**
 * HTTP for the citizen's own view. Staff routes (under /api/courses/:id) make links and
 * read what the citizen wrote; citizen routes (under /api/borger) take the personal
 * link, the one-time code and then the citizen session cookie. The token is in the path,
 * so the request logger redacts /borger/ paths; every citizen route is rate-limited.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { CourseDeps } from '../courses/course-deps.js';
import * as service from './citizen-view.service.js';
import { courseRoutes, routes } from '../kernel/route.js';
import { citizenViewApi } from '../../contract/citizen-view.api.js';

const staffTags = ['citizen view (staff)'];
const tags = ['citizen view'];

/**
 * Limits per link (the token is in the path), not per IP: a family may share one address.
 * Citizen routes run unrestricted by the staff tenant scope: the link or citizen session
 * decides what they see.
 */
const perLink = (max: number, timeWindow: string) => ({
  rateLimit: {
    max,
    timeWindow,
    keyGenerator: (request: { url: string }) =>
      `borger:${request.url.split('?')[0]!.split('/').slice(0, 6).join('/')}`,
  },
  tenant: false,
});
const perClient = { rateLimit: { max: 120, timeWindow: '1 minute' }, tenant: false };

export interface CitizenViewOptions {
  deps: CourseDeps;
  cookieName: string;
  cookieOptions: CookieSerializeOptions;
}

export const citizenViewRoutes: FastifyPluginAsync<CitizenViewOptions> = async (
  plugin,
  { deps, cookieName, cookieOptions },
) => {
  const open = routes(plugin, tags);
  const staff = courseRoutes(plugin, staffTags);
  const session = (request: FastifyRequest) => request.cookies[cookieName];
  const citizen = (request: FastifyRequest) => service.citizenContext(deps.db, session(request));

  // ---------- staff ----------

  staff(citizenViewApi.createLink, (user, id, { body }) =>
    service.createLink(deps, user, id, body),
  );

  staff(
    citizenViewApi.revokeLink,
    async (user, id, { params }) => await service.revokeLink(deps, user, id, params.linkId),
  );

  staff(citizenViewApi.getCitizenActivity, (user, id) =>
    service.getCitizenActivity(deps, user, id),
  );

  staff(citizenViewApi.requestScale, (user, id, { body }) =>
    service.requestScale(deps, user, id, body.memberId),
  );

  // ---------- citizen ----------

  open(
    citizenViewApi.sendCode,
    async ({ params, body }, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.sendCode(deps, params.courseId, params.token, body?.again ?? false);
    },
    { config: perLink(5, '10 minutes') },
  );

  open(
    citizenViewApi.codeStatus,
    async ({ params }, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.codeStatus(deps, params.courseId, params.token);
    },
    { config: perLink(30, '10 minutes') },
  );

  open(
    citizenViewApi.verifyCode,
    async ({ params, body }, reply) => {
      const opened = await service.verifyCode(deps, params.courseId, params.token, body.code);
      void reply.setCookie(cookieName, opened.session, {
        ...cookieOptions,
        expires: opened.expiresAt,
      });
      return { ok: true as const, expiresAt: opened.expiresAt.toISOString() };
    },
    { config: perLink(10, '1 minute') },
  );

  open(
    citizenViewApi.getCitizenView,
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.citizenView(deps.db, await citizen(request));
    },
    { config: perClient },
  );

  open(
    citizenViewApi.getCurrentCitizen,
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      const context = await service.optionalCitizenContext(deps.db, session(request));
      return { view: context ? await service.citizenView(deps.db, context) : null };
    },
    { config: perClient },
  );

  open(
    citizenViewApi.sendMessage,
    async (request) => service.sendMessage(deps, await citizen(request), request.body),
    { config: perClient },
  );

  open(
    citizenViewApi.answerProgression,
    async (request) => service.answerProgression(deps, await citizen(request), request.body),
    { config: perClient },
  );

  open(
    citizenViewApi.answerScale,
    async (request) => service.answerScale(deps, await citizen(request), request.body.answers),
    { config: perClient },
  );

  open(
    citizenViewApi.endSession,
    async (request, reply) => {
      await service.endSession(deps.db, session(request));
      void reply.clearCookie(cookieName, cookieOptions);
    },
    { config: perClient },
  );
};
