/** HTTP for designing and running measurements (analysis owners). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  importQuery,
  invitationParams,
  invitationsResultSchema,
  withdrawInvitationsBody,
  withdrawnSchema,
  measurementChangeSchema,
  measurementDetailSchema,
  measurementInputSchema,
  measurementParams,
  measurementSchema,
  openResultSchema,
  remindResultSchema,
  responseImportReportSchema,
  responseRatesSchema,
  type MeasurementView,
} from '../../contract/measurements.schema.js';
import type { Measurement } from '../db/tables/measurement.table.js';
import { PERSON_ROLES } from '../db/tables/person.table.js';
import { requireUser } from '../kernel/request-context.js';
import { readUpload } from '../kernel/upload.js';
import { normalizeProfession } from '../org/profession.js';
import * as service from './measurement.service.js';
import { importResponses } from './response-import.service.js';

/** Profession names as people's professions are stored (trimmed, lower case). */
const normalized = <T extends { professions?: { name: string }[] | undefined }>(input: T): T =>
  input.professions
    ? {
        ...input,
        professions: input.professions.map((p) => ({
          ...p,
          name: normalizeProfession(p.name) ?? '',
        })),
      }
    : input;

const toMeasurement = (m: Measurement): MeasurementView => ({
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

const idParams = measurementParams;

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
        body: measurementInputSchema,
        response: { 201: measurementSchema },
      },
    },
    async (request, reply) => {
      const created = await service.createMeasurement(
        deps,
        requireUser(request),
        normalized(request.body),
      );
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
        response: { 200: measurementDetailSchema },
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
        body: measurementChangeSchema,
        response: { 200: measurementSchema },
      },
    },
    async (request) =>
      toMeasurement(
        await service.updateMeasurement(
          deps,
          requireUser(request),
          request.params.id,
          normalized(request.body),
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
        response: { 200: invitationsResultSchema },
      },
    },
    async (request) =>
      service.addInvitations(deps, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/measurements/:id/invitations/withdraw',
    {
      schema: {
        tags: ['measurements'],
        summary:
          "Withdraw a group's invitations while nobody of it has answered (409 says why not)",
        params: idParams,
        body: withdrawInvitationsBody,
        response: { 200: withdrawnSchema },
      },
    },
    async (request) =>
      service.withdrawInvitations(
        deps,
        requireUser(request),
        request.params.id,
        request.body.group,
      ),
  );

  app.delete(
    '/api/measurements/:id/invitations/:invitationId',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Remove an invitation not yet sent',
        params: invitationParams,
        response: { 204: z.null().describe('Removed; no body') },
      },
    },
    async (request, reply) => {
      await service.removeInvitation(
        deps,
        requireUser(request),
        request.params.id,
        request.params.invitationId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/measurements/:id/open',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Open: lock the items and send the invitations',
        params: idParams,
        response: { 200: openResultSchema },
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
        response: { 200: remindResultSchema },
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
        response: { 200: responseRatesSchema },
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
        querystring: importQuery,
        response: { 200: responseImportReportSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const bytes = await readUpload(request);
      return importResponses(deps, user, request.params.id, bytes, request.query.commit === 'true');
    },
  );
};
