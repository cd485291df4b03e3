/** HTTP for the organisation: validation and mapping only; rules live in the service. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { PERSON_ROLES } from '../db/tables/person.table.js';
import { UNIT_KINDS } from '../db/tables/unit.table.js';
import { readUpload } from '../server/upload.js';
import { requireUser } from '../server/request-context.js';
import * as service from './org.service.js';
import { MAX_PROFESSION_LENGTH } from './profession.js';

const name = z.string().trim().min(1).max(200);
const email = z.string().trim().toLowerCase().email().max(254);
/** Optional; empty or null clears it. */
const profession = z.string().trim().max(MAX_PROFESSION_LENGTH).nullable();
const idParams = z.object({ id: z.uuid() });

const areaSchema = z.object({ id: z.string(), name: z.string(), archived: z.boolean() });
const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  areaId: z.string().nullable(),
  archived: z.boolean(),
});
const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(PERSON_ROLES),
  unitId: z.string(),
  profession: z.string().nullable(),
  archived: z.boolean(),
});
const messageSchema = z.object({ da: z.string(), en: z.string() });
const reportSchema = z.object({
  rows: z.number(),
  committed: z.boolean(),
  errors: z.array(z.object({ line: z.number(), message: messageSchema })),
  plan: z.object({
    areas: z.array(z.object({ name: z.string(), existingId: z.string().nullable() })),
    units: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(UNIT_KINDS),
        area: z.string().nullable(),
        existingId: z.string().nullable(),
        action: z.enum(['create', 'update', 'unchanged']),
      }),
    ),
    people: z.array(
      z.object({
        line: z.number(),
        name: z.string(),
        email: z.string(),
        role: z.enum(PERSON_ROLES),
        unit: z.string(),
        profession: z.string().nullable().optional(),
        existingId: z.string().nullable(),
        action: z.enum(['create', 'update', 'unchanged']),
      }),
    ),
  }),
});

const toArea = (a: { id: string; name: string; archived_at: Date | null }) => ({
  id: a.id,
  name: a.name,
  archived: a.archived_at !== null,
});
const toUnit = (u: {
  id: string;
  name: string;
  kind: (typeof UNIT_KINDS)[number];
  area_id: string | null;
  archived_at: Date | null;
}) => ({
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
  role: (typeof PERSON_ROLES)[number];
  unit_id: string;
  profession: string | null;
  archived_at: Date | null;
}) => ({
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
        querystring: z.object({ includeArchived: z.enum(['true', 'false']).default('false') }),
        response: {
          200: z.object({
            areas: z.array(areaSchema),
            units: z.array(unitSchema),
            people: z.array(personSchema),
          }),
        },
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
        body: z.object({ name }),
        response: { 201: areaSchema },
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
        params: idParams,
        body: z.object({ name: name.optional(), archived: z.boolean().optional() }),
        response: { 200: areaSchema },
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
        body: z.object({
          name,
          kind: z.enum(UNIT_KINDS),
          areaId: z.uuid().nullable().default(null),
        }),
        response: { 201: unitSchema },
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
        params: idParams,
        body: z.object({
          name: name.optional(),
          kind: z.enum(UNIT_KINDS).optional(),
          areaId: z.uuid().nullable().optional(),
          archived: z.boolean().optional(),
        }),
        response: { 200: unitSchema },
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
        body: z.object({
          name,
          email,
          role: z.enum(PERSON_ROLES),
          unitId: z.uuid(),
          profession: profession.optional(),
        }),
        response: { 201: personSchema },
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
        params: idParams,
        body: z.object({
          name: name.optional(),
          email: email.optional(),
          role: z.enum(PERSON_ROLES).optional(),
          unitId: z.uuid().optional(),
          profession: profession.optional(),
          archived: z.boolean().optional(),
        }),
        response: { 200: personSchema },
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
        querystring: z.object({ commit: z.enum(['true', 'false']).default('false') }),
        response: { 200: reportSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const bytes = await readUpload(request);
      return service.importOrganisation(db, user, bytes, request.query.commit === 'true');
    },
  );
};
