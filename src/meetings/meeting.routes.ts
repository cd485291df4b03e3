/** HTTP for a course's meetings: plan, list, change, cancel, .ics, agreements into the plan. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CourseDeps } from '../courses/course-deps.js';
import { courseParams, freeText, isoDate, requiredText } from '../courses/course-schemas.js';
import { MEETING_KINDS } from '../db/tables/meeting.table.js';
import { requireUser } from '../server/request-context.js';
import * as service from './meeting.service.js';

const meetingParams = courseParams.extend({ meetingId: z.uuid() });
const tags = ['meetings'];
const roles = z
  .object({ facilitator: z.uuid(), drawer: z.uuid(), minuteTaker: z.uuid() })
  .partial()
  .strict();
const startsAt = z.iso.datetime({ offset: true });
const duration = z.number().int().min(5).max(600);
const ids = z.array(z.uuid()).max(100);

const meetingInput = z.object({
  kind: z.enum(MEETING_KINDS),
  title: freeText(200).optional(),
  startsAt,
  durationMinutes: duration.default(60),
  place: requiredText(300),
  agenda: freeText(10_000).optional(),
  partyIds: ids.default([]),
  memberIds: ids.default([]),
  roles: roles.optional(),
});

const meetingChange = z.object({
  title: requiredText(200).optional(),
  startsAt: startsAt.optional(),
  durationMinutes: duration.optional(),
  place: requiredText(300).optional(),
  agenda: freeText(10_000).optional(),
  partyIds: ids.optional(),
  memberIds: ids.optional(),
  roles: roles.optional(),
  minutes: freeText(50_000).optional(),
  agreements: z
    .array(
      z.object({
        id: z.uuid().optional(),
        partyId: z.uuid(),
        text: requiredText(2000),
        due: isoDate.nullable().optional(),
      }),
    )
    .max(100)
    .optional(),
});

export const meetingRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (plugin, { deps }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/courses/:id/meetings',
    {
      schema: {
        tags,
        summary: "The course's next, upcoming and past meetings",
        params: courseParams,
      },
    },
    async (request) => service.listMeetings(deps, requireUser(request), request.params.id),
  );

  app.post(
    '/api/courses/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Plan a meeting; invitees are mailed and reminded the day before',
        params: courseParams,
        body: meetingInput,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createMeeting(deps, requireUser(request), request.params.id, request.body),
        ),
  );

  app.patch(
    '/api/courses/:id/meetings/:meetingId',
    {
      schema: {
        tags,
        summary: 'Change time, place, invitees, roles, agenda, minutes or agreements',
        params: meetingParams,
        body: meetingChange,
      },
    },
    async (request) =>
      service.updateMeeting(
        deps,
        requireUser(request),
        request.params.id,
        request.params.meetingId,
        request.body,
      ),
  );

  app.post(
    '/api/courses/:id/meetings/:meetingId/cancel',
    { schema: { tags, summary: 'Cancel a meeting', params: meetingParams } },
    async (request) =>
      service.cancelMeeting(
        deps,
        requireUser(request),
        request.params.id,
        request.params.meetingId,
      ),
  );

  app.get(
    '/api/courses/:id/meetings/:meetingId/ics',
    {
      schema: {
        tags,
        summary: 'The meeting as iCalendar (METHOD:CANCEL once cancelled)',
        params: meetingParams,
      },
    },
    async (request, reply) => {
      const ics = await service.meetingCalendar(
        deps,
        requireUser(request),
        request.params.id,
        request.params.meetingId,
      );
      return reply
        .type(`text/calendar; charset=utf-8; method=${ics.method}`)
        .header('content-disposition', `attachment; filename="${ics.filename}"`)
        .header('cache-control', 'no-store')
        .send(ics.body);
    },
  );

  app.post(
    '/api/courses/:id/meetings/:meetingId/agreements/to-plan',
    {
      schema: {
        tags,
        summary: "Make the meeting's agreements plan actions in one plan revision",
        params: meetingParams,
        body: z.object({
          baseVersion: z.number().int().min(1),
          memberId: z.uuid().optional(),
          participants: z.array(requiredText(200)).max(50).default([]),
        }),
      },
    },
    async (request) =>
      service.agreementsToPlan(
        deps,
        requireUser(request),
        request.params.id,
        request.params.meetingId,
        request.body,
      ),
  );
};
