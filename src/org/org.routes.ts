/** HTTP for the organisation: validation and mapping only; rules live in the service. */
import type { PersonRole, UnitKind } from '../../contract/org.js';
import {
  area,
  createAreaBody,
  createPersonBody,
  createUnitBody,
  importReport,
  organisation,
  orgIdParams,
  orgImportQuery,
  orgQuery,
  person,
  unit,
  updateAreaBody,
  updatePersonBody,
  updateUnitBody,
  type Area,
  type Person,
  type Unit,
} from '../../contract/org.schema.js';
import { readUpload } from '../kernel/upload.js';
import * as service from './org.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';

const toArea = (a: { id: string; name: string; archived_at: Date | null }): Area => ({
  id: a.id,
  name: a.name,
  archived: a.archived_at !== null,
});
const toUnit = (u: {
  id: string;
  name: string;
  kind: UnitKind;
  area_id: string | null;
  archived_at: Date | null;
}): Unit => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  areaId: u.area_id,
  archived: u.archived_at !== null,
});
const toPerson = (p: {
  id: string;
  name: string;
  email: string;
  role: PersonRole;
  unit_id: string;
  profession: string | null;
  archived_at: Date | null;
}): Person => ({
  id: p.id,
  name: p.name,
  email: p.email,
  role: p.role,
  unitId: p.unit_id,
  profession: p.profession,
  archived: p.archived_at !== null,
});

export const orgRoutes = userPlugin(['org'], ({ route }, { db }: DbOptions) => {
  route.get('/api/org', {
    summary: "The municipality's areas, units and people",
    querystring: orgQuery,
    response: { 200: organisation },
    handler: async (user, { query }) => {
      const org = await service.getOrganisation(db, user, query.includeArchived === 'true');
      return {
        areas: org.areas.map(toArea),
        units: org.units.map(toUnit),
        people: org.people.map(toPerson),
      };
    },
  });

  route.post('/api/org/areas', {
    summary: 'Create an area',
    body: createAreaBody,
    response: { 201: area },
    handler: async (user, { body }) => {
      const area = await service.createArea(db, user, body.name);
      return toArea(area);
    },
  });

  route.patch('/api/org/areas/:id', {
    summary: 'Rename, archive or restore an area',
    params: orgIdParams,
    body: updateAreaBody,
    response: { 200: area },
    handler: async (user, { params, body }) =>
      toArea(await service.updateArea(db, user, params.id, body)),
  });

  route.post('/api/org/units', {
    summary: 'Create a unit',
    body: createUnitBody,
    response: { 201: unit },
    handler: async (user, { body }) => {
      const unit = await service.createUnit(db, user, body);
      return toUnit(unit);
    },
  });

  route.patch('/api/org/units/:id', {
    summary: 'Edit, archive or restore a unit',
    params: orgIdParams,
    body: updateUnitBody,
    response: { 200: unit },
    handler: async (user, { params, body }) =>
      toUnit(await service.updateUnit(db, user, params.id, body)),
  });

  route.post('/api/org/people', {
    summary: 'Add a person',
    body: createPersonBody,
    response: { 201: person },
    handler: async (user, { body }) => {
      const person = await service.createPerson(db, user, body);
      return toPerson(person);
    },
  });

  route.patch('/api/org/people/:id', {
    summary: 'Edit, archive or restore a person',
    params: orgIdParams,
    body: updatePersonBody,
    response: { 200: person },
    handler: async (user, { params, body }) =>
      toPerson(await service.updatePerson(db, user, params.id, body)),
  });

  route.post('/api/org/import', {
    summary:
      'Check (commit=false) or import (commit=true) an organisation file (CSV or XLSX, multipart field "file"). All or nothing.',
    querystring: orgImportQuery,
    response: { 200: importReport },
    handler: async (user, request) => {
      const bytes = await readUpload(request);
      return service.importOrganisation(db, user, bytes, request.query.commit === 'true');
    },
  });
});
