/** HTTP for progression: the municipality's instruments, a course's schedule, answers and curves. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CourseDeps } from '../courses/course-deps.js';
import { courseParams, freeText, requiredText } from '../courses/course-schemas.js';
import { INSTRUMENT_GROUPS, ITEM_KINDS, RESPONDENT_KINDS } from '../db/tables/progression.table.js';
import { requireUser } from '../server/request-context.js';
import * as service from './progression.service.js';

const tags = ['progression'];

const item = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes, at most 40'),
  text: requiredText(300),
  kind: z.enum(ITEM_KINDS),
  low: freeText(60).optional(),
  high: freeText(60).optional(),
});

const instrumentInput = z.object({
  name: requiredText(200),
  targetGroup: z.enum(INSTRUMENT_GROUPS),
  description: freeText(2000).optional(),
  items: z.array(item).max(30),
});

/** An answer: a whole number on the item's scale, yes/no, or free text; skipped items are left out. */
export const progressionAnswers = z.record(
  z.string().max(40),
  z.union([z.number(), z.boolean(), z.string().max(2000)]),
);

export const progressionRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (
  plugin,
  { deps },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/progression/instruments',
    { schema: { tags, summary: "The municipality's progression instruments" } },
    async (request) => ({
      instruments: await service.listInstruments(deps, requireUser(request)),
    }),
  );

  app.post(
    '/api/progression/instruments',
    { schema: { tags, summary: 'Create an instrument (admin)', body: instrumentInput } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createInstrument(deps, requireUser(request), request.body)),
  );

  app.patch(
    '/api/progression/instruments/:instrumentId',
    {
      schema: {
        tags,
        summary: 'Edit or archive an instrument (admin)',
        params: z.object({ instrumentId: z.uuid() }),
        body: instrumentInput.partial().extend({ archived: z.boolean().optional() }),
      },
    },
    async (request) =>
      service.updateInstrument(
        deps,
        requireUser(request),
        request.params.instrumentId,
        request.body,
      ),
  );

  app.get(
    '/api/courses/:id/progression',
    {
      schema: {
        tags,
        summary: "A course's schedule, occasions and answers (for the curves)",
        params: courseParams,
      },
    },
    async (request) => service.getProgression(deps, requireUser(request), request.params.id),
  );

  app.put(
    '/api/courses/:id/progression/schedule',
    {
      schema: {
        tags,
        summary: 'Set the instrument and interval of a course (start, every N months, closure)',
        params: courseParams,
        body: z.object({
          instrumentId: z.uuid(),
          intervalMonths: z.number().int().min(1).max(24).default(6),
        }),
      },
    },
    async (request) =>
      service.setSchedule(deps, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/courses/:id/progression/responses',
    {
      schema: {
        tags,
        summary: 'Record a measurement answered by the citizen, a parent or the caseworker',
        params: courseParams,
        body: z.object({
          memberId: z.uuid().optional(),
          answeredBy: z.enum(RESPONDENT_KINDS),
          occasion: z.string().max(20).optional(),
          answers: progressionAnswers,
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordResponse(deps, requireUser(request), request.params.id, request.body),
        ),
  );
};
