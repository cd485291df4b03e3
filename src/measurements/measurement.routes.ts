/** HTTP for designing and running measurements (analysis owners). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ARMS,
  FLOWS,
  FOCAL_KINDS,
  GROUP_KINDS,
  MEASUREMENT_STATUSES,
  type Measurement,
} from '../db/tables/measurement.table.js';
import { PERSON_ROLES } from '../db/tables/person.table.js';
import { requireUser } from '../server/request-context.js';
import { readUpload } from '../server/upload.js';
import { MAX_PROFESSION_LENGTH, normalizeProfession } from '../org/profession.js';
import * as service from './measurement.service.js';
import { importResponses } from './response-import.service.js';

const itemText = z.object({
  da: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});
const groupInput = z.object({
  unitId: z.uuid(),
  arm: z.enum(ARMS).nullable().default(null),
  flow: z.enum(FLOWS).nullable().default(null),
});
/** A profession group: its name, normalised as people's professions are. */
const professionInput = z.object({
  name: z
    .string()
    .max(MAX_PROFESSION_LENGTH)
    .transform((s) => normalizeProfession(s) ?? ''),
  arm: z.enum(ARMS).nullable().default(null),
});
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const inputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  focalProcess: z.string().trim().min(1).max(200),
  focalKind: z.enum(FOCAL_KINDS).nullable().default(null),
  groups: z.array(groupInput).max(200).default([]),
  groupKind: z.enum(GROUP_KINDS).default('unit'),
  professions: z.array(professionInput).max(200).default([]),
  chooseGroups: z.boolean().default(true),
  includeLeadership: z.boolean().default(true),
  opensAt: date.nullable().default(null),
  closesAt: date.nullable().default(null),
  minGroup: z.number().int().min(3, 'never below 3').max(1000).nullable().default(null),
  thresholdHigh: z.number().min(1).max(5).default(4.0),
  thresholdLow: z.number().min(1).max(5).default(3.5),
  waveLabel: z.string().trim().min(1).max(40).default('1'),
  previousMeasurementId: z.uuid().nullable().default(null),
  items: z.record(z.string(), itemText).nullable().default(null),
});

const changeSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    focalProcess: z.string().trim().min(1).max(200),
    focalKind: z.enum(FOCAL_KINDS).nullable(),
    groups: z.array(groupInput).max(200),
    groupKind: z.enum(GROUP_KINDS),
    professions: z.array(professionInput).max(200),
    chooseGroups: z.boolean(),
    includeLeadership: z.boolean(),
    opensAt: date.nullable(),
    closesAt: date.nullable(),
    minGroup: z.number().int().min(3, 'never below 3').max(1000),
    thresholdHigh: z.number().min(1).max(5),
    thresholdLow: z.number().min(1).max(5),
    waveLabel: z.string().trim().min(1).max(40),
    previousMeasurementId: z.uuid().nullable(),
    items: z.record(z.string(), itemText),
  })
  .partial();

const measurementSchema = z.object({
  id: z.string(),
  title: z.string(),
  focalProcess: z.string(),
  focalKind: z.enum(FOCAL_KINDS).nullable(),
  status: z.enum(MEASUREMENT_STATUSES),
  groupKind: z.enum(GROUP_KINDS),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  minGroup: z.number(),
  thresholdHigh: z.number(),
  thresholdLow: z.number(),
  chooseGroups: z.boolean(),
  includeLeadership: z.boolean(),
  waveLabel: z.string(),
  previousMeasurementId: z.string().nullable(),
  items: z.record(z.string(), z.object({ da: z.string(), en: z.string() })),
  createdAt: z.string(),
});

const toMeasurement = (m: Measurement): z.infer<typeof measurementSchema> => ({
  id: m.id,
  title: m.title,
  focalProcess: m.focal_process,
  focalKind: m.focal_kind,
  status: m.status,
  groupKind: m.group_kind,
  opensAt: m.opens_at?.toISOString() ?? null,
  closesAt: m.closes_at?.toISOString() ?? null,
  minGroup: m.min_group,
  thresholdHigh: m.threshold_high,
  thresholdLow: m.threshold_low,
  chooseGroups: m.choose_groups,
  includeLeadership: m.include_leadership,
  waveLabel: m.wave_label,
  previousMeasurementId: m.previous_measurement_id,
  items: m.items,
  createdAt: m.created_at.toISOString(),
});

const idParams = z.object({ id: z.uuid() });

export const measurementRoutes: FastifyPluginAsync<{ deps: service.MeasurementDeps }> = async (
  plugin,
  { deps },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/measurements',
    {
      schema: {
        tags: ['measurements'],
        summary: 'All measurements',
        response: { 200: z.array(measurementSchema) },
      },
    },
    async (request) =>
      (await service.listMeasurements(deps, requireUser(request))).map(toMeasurement),
  );

  app.post(
    '/api/measurements',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Create a measurement (draft)',
        body: inputSchema,
        response: { 201: measurementSchema },
      },
    },
    async (request, reply) => {
      const created = await service.createMeasurement(deps, requireUser(request), request.body);
      return reply.status(201).send(toMeasurement(created));
    },
  );

  app.get(
    '/api/measurements/:id',
    {
      schema: {
        tags: ['measurements'],
        summary: 'A measurement with its groups',
        params: idParams,
        response: {
          200: z.object({
            measurement: measurementSchema,
            groups: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.string(),
                arm: z.enum(ARMS).nullable(),
                flow: z.enum(FLOWS).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { measurement, groups } = await service.getMeasurement(
        deps,
        requireUser(request),
        request.params.id,
      );
      return { measurement: toMeasurement(measurement), groups };
    },
  );

  app.patch(
    '/api/measurements/:id',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Edit a draft; extend or rename an open measurement',
        params: idParams,
        body: changeSchema,
        response: { 200: measurementSchema },
      },
    },
    async (request) =>
      toMeasurement(
        await service.updateMeasurement(
          deps,
          requireUser(request),
          request.params.id,
          request.body,
        ),
      ),
  );

  app.post(
    '/api/measurements/:id/invitations',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Invite people by unit, role, id or e-mail (open measurements send at once)',
        params: idParams,
        body: z.object({
          unitIds: z.array(z.uuid()).max(500).optional(),
          roles: z.array(z.enum(PERSON_ROLES)).optional(),
          personIds: z.array(z.uuid()).max(20_000).optional(),
          emails: z.array(z.string().trim().email()).max(20_000).optional(),
        }),
        response: { 200: z.object({ added: z.number(), matched: z.number() }) },
      },
    },
    async (request) =>
      service.addInvitations(deps, requireUser(request), request.params.id, request.body),
  );

  app.delete(
    '/api/measurements/:id/invitations/:invitationId',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Remove an invitation not yet sent',
        params: z.object({ id: z.uuid(), invitationId: z.uuid() }),
      },
    },
    async (request, reply) => {
      await service.removeInvitation(
        deps,
        requireUser(request),
        request.params.id,
        request.params.invitationId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/measurements/:id/open',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Open: lock the items and send the invitations',
        params: idParams,
        response: { 200: z.object({ measurement: measurementSchema, sent: z.number() }) },
      },
    },
    async (request) => {
      const result = await service.openMeasurement(deps, requireUser(request), request.params.id);
      return { measurement: toMeasurement(result.measurement), sent: result.sent };
    },
  );

  app.post(
    '/api/measurements/:id/close',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Close now',
        params: idParams,
        response: { 200: measurementSchema },
      },
    },
    async (request) =>
      toMeasurement(await service.closeMeasurement(deps, requireUser(request), request.params.id)),
  );

  app.post(
    '/api/measurements/:id/remind',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Remind everyone who has not finished (at most once a day each)',
        params: idParams,
        response: { 200: z.object({ reminded: z.number() }) },
      },
    },
    async (request) => service.remindUnfinished(deps, requireUser(request), request.params.id),
  );

  app.get(
    '/api/measurements/:id/responses',
    {
      schema: {
        tags: ['measurements'],
        summary:
          'Response rates per group: unit, or profession. While open, finished counts are rounded down to steps of the minimum group (`step`); once closed they are exact and hidden as the analysis hides them (`suppressedReason`: small or complementary).',
        params: idParams,
        response: {
          200: z.object({
            minGroup: z.number(),
            invited: z.number(),
            pending: z.number(),
            step: z.number().nullable(),
            finished: z.number().nullable(),
            finishedSuppressed: z.boolean(),
            finishedSuppressedReason: z.enum(['small', 'complementary']).nullable(),
            units: z.array(
              z.object({
                unitId: z.string(),
                unitName: z.string(),
                invited: z.number(),
                finished: z.number().nullable(),
                suppressed: z.boolean(),
                suppressedReason: z.enum(['small', 'complementary']).nullable(),
              }),
            ),
            mail: z.record(z.string(), z.number()),
          }),
        },
      },
    },
    async (request) => service.responseRates(deps, requireUser(request), request.params.id),
  );

  app.post(
    '/api/measurements/:id/import',
    {
      schema: {
        tags: ['measurements'],
        summary:
          'Import answers as the long CSV (multipart field "file"); all or nothing. Replaces earlier imported answers.',
        params: idParams,
        querystring: z.object({ commit: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const bytes = await readUpload(request);
      return importResponses(deps, user, request.params.id, bytes, request.query.commit === 'true');
    },
  );
};
