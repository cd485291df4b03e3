/** HTTP for the organisation: validation and mapping only; rules live in the service. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
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
import type { Database } from '../db/schema.js';
import { readUpload } from '../kernel/upload.js';
import { requireUser } from '../kernel/request-context.js';
import * as service from './org.service.js';

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

export const orgRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (plugin, { db }) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/org',
    {
      schema: {
        tags: ['org'],
        summary: "The municipality's areas, units and people",
        querystring: orgQuery,
        response: { 200: organisation },
      },
    },
    async (request) => {
      const org = await service.getOrganisation(
        db,
        requireUser(request),
        request.query.includeArchived === 'true',
      );
      return {
        areas: org.areas.map(toArea),
        units: org.units.map(toUnit),
        people: org.people.map(toPerson),
      };
    },
  );

  app.post(
    '/api/org/areas',
    {
      schema: {
        tags: ['org'],
        summary: 'Create an area',
        body: createAreaBody,
        response: { 201: area },
      },
    },
    async (request, reply) => {
      const area = await service.createArea(db, requireUser(request), request.body.name);
      return reply.status(201).send(toArea(area));
    },
  );

  app.patch(
    '/api/org/areas/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Rename, archive or restore an area',
        params: orgIdParams,
        body: updateAreaBody,
        response: { 200: area },
      },
    },
    async (request) =>
      toArea(await service.updateArea(db, requireUser(request), request.params.id, request.body)),
  );

  app.post(
    '/api/org/units',
    {
      schema: {
        tags: ['org'],
        summary: 'Create a unit',
        body: createUnitBody,
        response: { 201: unit },
      },
    },
    async (request, reply) => {
      const unit = await service.createUnit(db, requireUser(request), request.body);
      return reply.status(201).send(toUnit(unit));
    },
  );

  app.patch(
    '/api/org/units/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Edit, archive or restore a unit',
        params: orgIdParams,
        body: updateUnitBody,
        response: { 200: unit },
      },
    },
    async (request) =>
      toUnit(await service.updateUnit(db, requireUser(request), request.params.id, request.body)),
  );

  app.post(
    '/api/org/people',
    {
      schema: {
        tags: ['org'],
        summary: 'Add a person',
        body: createPersonBody,
        response: { 201: person },
      },
    },
    async (request, reply) => {
      const person = await service.createPerson(db, requireUser(request), request.body);
      return reply.status(201).send(toPerson(person));
    },
  );

  app.patch(
    '/api/org/people/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Edit, archive or restore a person',
        params: orgIdParams,
        body: updatePersonBody,
        response: { 200: person },
      },
    },
    async (request) =>
      toPerson(
        await service.updatePerson(db, requireUser(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/api/org/import',
    {
      schema: {
        tags: ['org'],
        summary:
          'Check (commit=false) or import (commit=true) an organisation file (CSV or XLSX, multipart field "file"). All or nothing.',
        querystring: orgImportQuery,
        response: { 200: importReport },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const bytes = await readUpload(request);
      return service.importOrganisation(db, user, bytes, request.query.commit === 'true');
    },
  );
};
