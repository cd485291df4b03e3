/** HTTP for designing and running measurements (analysis owners). */
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
import { readUpload } from '../kernel/upload.js';
import { normalizeProfession } from '../org/profession.js';
import * as service from './measurement.service.js';
import { importResponses } from './response-import.service.js';
import { userPlugin } from '../kernel/route.js';

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

export const measurementRoutes = userPlugin(
  ['measurements'],
  ({ route }, { deps }: { deps: service.MeasurementDeps }) => {
    route.get('/api/measurements', {
      summary: 'All measurements',
      response: { 200: z.array(measurementSchema) },
      handler: async (user) => (await service.listMeasurements(deps, user)).map(toMeasurement),
    });

    route.post('/api/measurements', {
      summary: 'Create a measurement (draft)',
      body: measurementInputSchema,
      response: { 201: measurementSchema },
      handler: async (user, { body }) => {
        const created = await service.createMeasurement(deps, user, normalized(body));
        return toMeasurement(created);
      },
    });

    route.get('/api/measurements/:id', {
      summary: 'A measurement with its groups',
      params: idParams,
      response: { 200: measurementDetailSchema },
      handler: async (user, { params }) => {
        const { measurement, groups } = await service.getMeasurement(deps, user, params.id);
        return { measurement: toMeasurement(measurement), groups };
      },
    });

    route.patch('/api/measurements/:id', {
      summary: 'Edit a draft; extend or rename an open measurement',
      params: idParams,
      body: measurementChangeSchema,
      response: { 200: measurementSchema },
      handler: async (user, { params, body }) =>
        toMeasurement(await service.updateMeasurement(deps, user, params.id, normalized(body))),
    });

    route.post('/api/measurements/:id/invitations', {
      summary: 'Invite people by unit, role, id or e-mail (open measurements send at once)',
      params: idParams,
      body: z.object({
        unitIds: z.array(z.uuid()).max(500).optional(),
        roles: z.array(z.enum(PERSON_ROLES)).optional(),
        personIds: z.array(z.uuid()).max(20_000).optional(),
        emails: z.array(z.string().trim().email()).max(20_000).optional(),
      }),
      response: { 200: invitationsResultSchema },
      handler: (user, { params, body }) => service.addInvitations(deps, user, params.id, body),
    });

    route.post('/api/measurements/:id/invitations/withdraw', {
      summary: "Withdraw a group's invitations while nobody of it has answered (409 says why not)",
      params: idParams,
      body: withdrawInvitationsBody,
      response: { 200: withdrawnSchema },
      handler: (user, { params, body }) =>
        service.withdrawInvitations(deps, user, params.id, body.group),
    });

    route.delete('/api/measurements/:id/invitations/:invitationId', {
      summary: 'Remove an invitation not yet sent',
      params: invitationParams,
      response: { 204: z.null().describe('Removed; no body') },
      handler: async (user, { params }) => {
        await service.removeInvitation(deps, user, params.id, params.invitationId);
        return null;
      },
    });

    route.post('/api/measurements/:id/open', {
      summary: 'Open: lock the items and send the invitations',
      params: idParams,
      response: { 200: openResultSchema },
      handler: async (user, { params }) => {
        const result = await service.openMeasurement(deps, user, params.id);
        return { measurement: toMeasurement(result.measurement), sent: result.sent };
      },
    });

    route.post('/api/measurements/:id/close', {
      summary: 'Close now',
      params: idParams,
      response: { 200: measurementSchema },
      handler: async (user, { params }) =>
        toMeasurement(await service.closeMeasurement(deps, user, params.id)),
    });

    route.post('/api/measurements/:id/remind', {
      summary: 'Remind everyone who has not finished (at most once a day each)',
      params: idParams,
      response: { 200: remindResultSchema },
      handler: (user, { params }) => service.remindUnfinished(deps, user, params.id),
    });

    route.get('/api/measurements/:id/responses', {
      summary:
        'Response rates per group: unit, or profession. While open, finished counts are rounded down to steps of the minimum group (`step`); once closed they are exact and hidden as the analysis hides them (`suppressedReason`: small or complementary).',
      params: idParams,
      response: { 200: responseRatesSchema },
      handler: (user, { params }) => service.responseRates(deps, user, params.id),
    });

    route.post('/api/measurements/:id/import', {
      summary:
        'Import answers as the long CSV (multipart field "file"); all or nothing. Replaces earlier imported answers.',
      params: idParams,
      querystring: importQuery,
      response: { 200: responseImportReportSchema },
      handler: async (user, request) => {
        const bytes = await readUpload(request);
        return importResponses(
          deps,
          user,
          request.params.id,
          bytes,
          request.query.commit === 'true',
        );
      },
    });
  },
);
