/** HTTP for the organisation: validation and mapping only; rules live in the service. */
import type { PersonRole, UnitKind } from '../../contract/org.js';
import { type Area, type Person, type Unit } from '../../contract/org.schema.js';
import { readUpload } from '../kernel/upload.js';
import * as service from './org.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { orgApi } from '../../contract/org.api.js';

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
  route(orgApi.getOrganisation, async (user, { query }) => {
    const org = await service.getOrganisation(db, user, query.includeArchived === 'true');
    return {
      areas: org.areas.map(toArea),
      units: org.units.map(toUnit),
      people: org.people.map(toPerson),
    };
  });

  route(orgApi.createArea, async (user, { body }) => {
    const area = await service.createArea(db, user, body.name);
    return toArea(area);
  });

  route(orgApi.updateArea, async (user, { params, body }) =>
    toArea(await service.updateArea(db, user, params.id, body)),
  );

  route(orgApi.createUnit, async (user, { body }) => {
    const unit = await service.createUnit(db, user, body);
    return toUnit(unit);
  });

  route(orgApi.updateUnit, async (user, { params, body }) =>
    toUnit(await service.updateUnit(db, user, params.id, body)),
  );

  route(orgApi.createPerson, async (user, { body }) => {
    const person = await service.createPerson(db, user, body);
    return toPerson(person);
  });

  route(orgApi.updatePerson, async (user, { params, body }) =>
    toPerson(await service.updatePerson(db, user, params.id, body)),
  );

  route(orgApi.importOrganisation, async (user, request) => {
    const bytes = await readUpload(request);
    return service.importOrganisation(db, user, bytes, request.query.commit === 'true');
  });
});
