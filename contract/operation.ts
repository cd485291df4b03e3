/**
 * An HTTP operation of the API as the contract declares it: method, path, the summary
 * OpenAPI shows, the request schemas and the one success response. The server binds a
 * handler to each (`src/kernel/route.ts`); `/api/openapi.json` is made from them.
 */
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A redirect (302, 303) is the success of a sign-in step. */
export type SuccessStatus = 200 | 201 | 204 | 302 | 303;

export interface Operation {
  method: Method;
  /** The full path, with `:name` for path parameters (`params`). */
  path: string;
  summary: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** Request content types besides JSON (OpenAPI `consumes`). */
  consumes?: string[];
  /** The one success response: its status and schema. */
  response: { [S in SuccessStatus]?: z.ZodType };
  /** Error responses with a body of their own (an HTML page), for the description. */
  errors?: Record<number, z.ZodType>;
}

/** A feature's operations by name, checked against `Operation` with their own types kept. */
export const operations = <T extends Record<string, Operation>>(ops: T): T => ops;
