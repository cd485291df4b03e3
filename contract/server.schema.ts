/**
 * The operational routes every app has (health, readiness, metrics, the OpenAPI
 * description): their success responses, so each route documents what it returns.
 */
import { z } from 'zod';

/** `GET /api/health`: the process answers (liveness; never touches the database). */
export const health = z.object({ ok: z.literal(true) });

/** `GET /api/ready`: the database answers too (readiness). */
export const ready = z.object({ ready: z.literal(true) });

/** `GET /api/ready` while the database does not answer (with `Retry-After`). */
export const notReady = z.object({ ready: z.literal(false) });

/** `GET /metrics`: Prometheus metrics, with a bearer token. */
export const metricsText = z.string().describe('Prometheus metrics (text/plain; version=0.0.4)');

/** `GET /api/openapi.json`: this API's OpenAPI 3 description. */
export const openapiDocument = z
  .looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) })
  .describe('The OpenAPI 3 description of this API');
/** The OpenAPI description's top level (the rest passes through as it is). */
export type OpenapiDocument = z.infer<typeof openapiDocument>;
