/**
 * HTTP for the citizen's own view. Staff routes (under /api/courses/:id) make links and
 * read what the citizen wrote; citizen routes (under /api/borger) take the personal
 * link, the one-time code and then the citizen session cookie. The token is in the path,
 * so the request logger redacts /borger/ paths; every citizen route is rate-limited.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  citizenActivitySchema,
  citizenCodeInput,
  citizenCurrentSchema,
  citizenLinkInput,
  citizenLinkParams,
  citizenLinkSchema,
  citizenMessageInput,
  citizenMessageSchema,
  citizenProgressionInput,
  citizenScaleAnsweredSchema,
  citizenScaleInput,
  citizenScaleRequestInput,
  citizenScaleRequestSchema,
  citizenSessionSchema,
  citizenViewSchema,
  codeRequestInput,
  codeSentSchema,
  codeStatusSchema,
  personalLinkParams as linkParams,
} from '../../contract/citizen-view.schema.js';
import { noContent } from '../../contract/en-plan.schema.js';
import { progressionResponseSchema } from '../../contract/progression.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import * as service from './citizen-view.service.js';
import { courseRoutes, routes } from '../kernel/route.js';

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

  staff.post('/citizen-links', {
    summary: "Make a member's personal link (mailed to them only; the answer never holds the link)",
    body: citizenLinkInput,
    response: { 201: citizenLinkSchema },
    handler: (user, id, { body }) => service.createLink(deps, user, id, body),
  });

  staff.post('/citizen-links/:linkId/revoke', {
    summary: 'Revoke a personal link',
    params: citizenLinkParams,
    response: { 204: noContent },
    handler: async (user, id, { params }) =>
      await service.revokeLink(deps, user, id, params.linkId),
  });

  staff.get('/citizen-activity', {
    summary: "The citizen's comments and wishes, citizen-scale answers and links",
    response: { 200: citizenActivitySchema },
    handler: (user, id) => service.getCitizenActivity(deps, user, id),
  });

  staff.post('/citizen-scale', {
    summary: 'Ask the citizen the citizen scale (DOMAIN.md §2.3)',
    body: citizenScaleRequestInput,
    response: { 201: citizenScaleRequestSchema },
    handler: (user, id, { body }) => service.requestScale(deps, user, id, body.memberId),
  });

  // ---------- citizen ----------

  open.post('/api/borger/:courseId/:token/code', {
    config: perLink(5, '10 minutes'),
    summary: 'Send a one-time code to the link’s person (by SMS when they prefer it)',
    params: linkParams,
    body: codeRequestInput,
    response: { 200: codeSentSchema },
    handler: async ({ params, body }, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.sendCode(deps, params.courseId, params.token, body?.again ?? false);
    },
  });

  open.get('/api/borger/:courseId/:token/code-status', {
    config: perLink(30, '10 minutes'),
    summary: 'The code waiting to be typed, if any (sends nothing), so a reload keeps the step',
    params: linkParams,
    response: { 200: codeStatusSchema },
    handler: async ({ params }, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.codeStatus(deps, params.courseId, params.token);
    },
  });

  open.post('/api/borger/:courseId/:token/session', {
    config: perLink(10, '1 minute'),
    summary: 'Enter the one-time code; opens a short citizen session',
    params: linkParams,
    body: citizenCodeInput,
    response: { 200: citizenSessionSchema },
    handler: async ({ params, body }, reply) => {
      const opened = await service.verifyCode(deps, params.courseId, params.token, body.code);
      void reply.setCookie(cookieName, opened.session, {
        ...cookieOptions,
        expires: opened.expiresAt,
      });
      return { ok: true as const, expiresAt: opened.expiresAt.toISOString() };
    },
  });

  open.get('/api/borger/me', {
    config: perClient,
    summary: "The citizen's own view of their course",
    response: { 200: citizenViewSchema },
    handler: async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.citizenView(deps.db, await citizen(request));
    },
  });

  open.get('/api/borger/current', {
    config: perClient,
    summary:
      "The citizen's own view, or null before a code was entered (asked on opening the link)",
    response: { 200: citizenCurrentSchema },
    handler: async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      const context = await service.optionalCitizenContext(deps.db, session(request));
      return { view: context ? await service.citizenView(deps.db, context) : null };
    },
  });

  open.post('/api/borger/me/messages', {
    config: perClient,
    summary: 'Write a comment or a wish to the plan',
    body: citizenMessageInput,
    response: { 201: citizenMessageSchema },
    handler: async (request) => service.sendMessage(deps, await citizen(request), request.body),
  });

  open.post('/api/borger/me/progression', {
    config: perClient,
    summary: 'Answer the due progression measurement (any item may be skipped)',
    body: citizenProgressionInput,
    response: { 201: progressionResponseSchema },
    handler: async (request) =>
      service.answerProgression(deps, await citizen(request), request.body),
  });

  open.post('/api/borger/me/scale', {
    config: perClient,
    summary: 'Answer the citizen scale: 1–5 or "dk" (ved ikke) per item',
    body: citizenScaleInput,
    response: { 200: citizenScaleAnsweredSchema },
    handler: async (request) =>
      service.answerScale(deps, await citizen(request), request.body.answers),
  });

  open.post('/api/borger/logout', {
    config: perClient,
    summary: 'End the citizen session',
    response: { 204: noContent },
    handler: async (request, reply) => {
      await service.endSession(deps.db, session(request));
      void reply.clearCookie(cookieName, cookieOptions);
    },
  });
};
