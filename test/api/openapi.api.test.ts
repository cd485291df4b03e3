/**
 * The OpenAPI description (`/api/openapi.json`) documents what every operation returns
 * on success, so integrators (case systems, BI) can rely on it: each operation has a 2xx
 * or 3xx response with a schema, or, without a body (204, a redirect), a description of
 * its own rather than the plugin's "Default Response".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface Response {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, Response> }>>;
}

/** `GET /api/org`-style names of the operations without a documented success response. */
function undocumented(document: Document): string[] {
  const missing: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) =>
        /^[23](\d\d|XX)$/.test(status),
      );
      const documented = success.some(
        ([, response]) =>
          response.content !== undefined ||
          (response.description !== undefined && response.description !== 'Default Response'),
      );
      if (!documented) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing.sort();
}

// The description does not depend on the database, so one (PGlite) is enough.
const database = testDatabases().find((d) => d.name === 'pglite')!;

describe('the OpenAPI description', () => {
  let t: TestApp;
  let document: Document;

  beforeAll(async () => {
    t = await startTestApp(database);
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json<Document>();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is OpenAPI 3 and lists the API', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).length).toBeGreaterThan(50);
    expect(document.paths).toHaveProperty(['/api/org', 'get']);
  });

  it('documents a success response for every operation', () => {
    const missing = undocumented(document);
    expect(
      missing,
      `Operations without a documented 2xx/3xx response (declare schema.response from contract/):\n${missing.join('\n')}`,
    ).toEqual([]);
  });

  it('gives every success body a schema', () => {
    const empty: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (!/^[23]/.test(status) || response.content === undefined) continue;
          for (const [type, media] of Object.entries(response.content)) {
            if (media.schema === undefined)
              empty.push(`${method.toUpperCase()} ${path} ${status} ${type}`);
          }
        }
      }
    }
    expect(empty).toEqual([]);
  });
});
