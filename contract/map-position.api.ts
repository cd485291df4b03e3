/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/results/map-position.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import { mapPositionSchema, saveMapPositionsBody } from './results.schema.js';
import { z } from 'zod';

export const mapPositionApi = operations({
  getMapPositions: {
    method: 'GET',
    path: '/api/map-positions',
    summary: 'Saved positions of units on the network map',
    response: { 200: z.array(mapPositionSchema) },
  },
  listUnits: {
    method: 'PUT',
    path: '/api/map-positions',
    summary: 'Save positions of units on the network map (upsert; others are kept)',
    body: saveMapPositionsBody,
    response: { 204: z.null().describe('Saved; no body') },
  },
});
