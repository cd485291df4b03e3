/**
 * HTTP for the network map's saved layout. Positions belong to units, so a map keeps
 * its shape from wave to wave. Reading: anyone who may see an analysis; saving: the
 * analysis owners.
 */
import { listUnits } from '../org/org.repository.js';
import { notFound } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { mapPositionApi } from '../../contract/map-position.api.js';

export const mapPositionRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
  route(mapPositionApi.getMapPositions, async (user) => {
    requirePermission(user, 'analysis.read');
    const rows = await db
      .selectFrom('map_position')
      .select(['unit_id', 'x', 'y'])
      .where('municipality_id', '=', user.municipalityId)
      .execute();
    return rows.map((r) => ({ unitId: r.unit_id, x: r.x, y: r.y }));
  });

  route(mapPositionApi.listUnits, async (user, { body }) => {
    requirePermission(user, 'mapPositions.edit');
    const { positions } = body;
    if (positions.length > 0) {
      const units = new Set((await listUnits(db, user.municipalityId, true)).map((u) => u.id));
      if (positions.some((p) => !units.has(p.unitId))) {
        throw notFound({ da: 'En enhed findes ikke.', en: 'A unit does not exist.' });
      }
      await db
        .insertInto('map_position')
        .values(
          positions.map((p) => ({
            municipality_id: user.municipalityId,
            unit_id: p.unitId,
            x: p.x,
            y: p.y,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['municipality_id', 'unit_id'])
            .doUpdateSet((eb) => ({ x: eb.ref('excluded.x'), y: eb.ref('excluded.y') })),
        )
        .execute();
    }
    return null;
  });
});
