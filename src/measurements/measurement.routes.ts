/** HTTP for designing and running measurements (analysis owners). */
import { type MeasurementView } from '../../contract/measurements.schema.js';
import type { Measurement } from '../db/tables/measurement.table.js';
import { readUpload } from '../kernel/upload.js';
import { normalizeProfession } from '../org/profession.js';
import * as service from './measurement.service.js';
import { importResponses } from './response-import.service.js';
import { userPlugin } from '../kernel/route.js';
import { measurementsApi } from '../../contract/measurements.api.js';

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

export const measurementRoutes = userPlugin(
  ['measurements'],
  ({ route }, { deps }: { deps: service.MeasurementDeps }) => {
    route(measurementsApi.listMeasurements, async (user) =>
      (await service.listMeasurements(deps, user)).map(toMeasurement),
    );

    route(measurementsApi.createMeasurement, async (user, { body }) => {
      const created = await service.createMeasurement(deps, user, normalized(body));
      return toMeasurement(created);
    });

    route(measurementsApi.getMeasurement, async (user, { params }) => {
      const { measurement, groups } = await service.getMeasurement(deps, user, params.id);
      return { measurement: toMeasurement(measurement), groups };
    });

    route(measurementsApi.updateMeasurement, async (user, { params, body }) =>
      toMeasurement(await service.updateMeasurement(deps, user, params.id, normalized(body))),
    );

    route(measurementsApi.addInvitations, (user, { params, body }) =>
      service.addInvitations(deps, user, params.id, body),
    );

    route(measurementsApi.withdrawInvitations, (user, { params, body }) =>
      service.withdrawInvitations(deps, user, params.id, body.group),
    );

    route(measurementsApi.removeInvitation, async (user, { params }) => {
      await service.removeInvitation(deps, user, params.id, params.invitationId);
      return null;
    });

    route(measurementsApi.openMeasurement, async (user, { params }) => {
      const result = await service.openMeasurement(deps, user, params.id);
      return { measurement: toMeasurement(result.measurement), sent: result.sent };
    });

    route(measurementsApi.closeMeasurement, async (user, { params }) =>
      toMeasurement(await service.closeMeasurement(deps, user, params.id)),
    );

    route(measurementsApi.remindUnfinished, (user, { params }) =>
      service.remindUnfinished(deps, user, params.id),
    );

    route(measurementsApi.responseRates, (user, { params }) =>
      service.responseRates(deps, user, params.id),
    );

    route(measurementsApi.importResponses, async (user, request) => {
      const bytes = await readUpload(request);
      return importResponses(deps, user, request.params.id, bytes, request.query.commit === 'true');
    });
  },
);
