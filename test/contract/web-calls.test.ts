/**
 * The web calls only operations the contract declares: every function of the web's
 * `*-api.ts` modules is called with stand-in arguments, `fetch` records the method and path
 * it would send, and each must match an operation of `contract/*.api.ts` (the same table the
 * server binds its handlers to and OpenAPI is made from). Pages that call the API directly
 * are read instead: the path each call writes out must match too.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Operation } from '../../contract/operation.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The modules of the files in `dir` (below the repository) whose names end in `suffix`. */
const modulesIn = (dir: string, suffix: string, nested = false) =>
  readdirSync(path.join(root, dir), { recursive: nested, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix) && !file.startsWith('api/'))
    .map((file) => path.join(dir, file));

const contractFiles = modulesIn('contract', '.api.ts');
const webFiles = modulesIn('web/src', '-api.ts', true);

/** Stand-in arguments where a plain string would not do (a file, one of a few words). */
const csvFile = () => new File(['x'], 'x.csv', { type: 'text/csv' });
const STAND_INS: Record<string, unknown[]> = {
  runSurvey: ['arg1', 'open'],
  importResponses: ['arg1', csvFile(), false],
  importOrganisation: [csvFile(), false],
};

interface Call {
  method: string;
  path: string;
}

const operations: Operation[] = [];

/** A path pattern of the contract (`/api/courses/:id/plan`) as a regular expression. */
const pattern = (path: string) =>
  new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/?]+').replace(/\//g, '\\/')}(\\?.*)?$`);
const declared = (call: Call) =>
  operations.some((op) => op.method === call.method && pattern(op.path).test(call.path));

let calls: Call[] = [];

beforeAll(async () => {
  for (const file of contractFiles) {
    const module = (await import(path.join(root, file))) as Record<
      string,
      Record<string, Operation>
    >;
    for (const table of Object.values(module)) operations.push(...Object.values(table));
  }
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', path: url });
    return Promise.resolve(
      new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  });
});
afterAll(() => vi.unstubAllGlobals());

/**
 * Calls `fn` with stand-in arguments: the requests it sent, what it returned, and whether it
 * failed before sending anything (its stand-ins are wrong, so it was not checked).
 */
async function run(name: string, fn: (...args: unknown[]) => unknown) {
  calls = [];
  const args =
    STAND_INS[name] ?? Array.from({ length: Math.max(fn.length, 3) }, (_, i) => `arg${i + 1}`);
  let value: unknown;
  let failed = false;
  try {
    value = await fn(...args);
  } catch {
    // A helper that calls no API (a colour, a date) may refuse a stand-in; an API call may not.
    failed = calls.length === 0 && /\bapi\.(get|post|put|patch|delete|upload)\b/.test(String(fn));
  }
  return { requests: calls, value, failed };
}

describe('the web calls the contract', () => {
  it('finds the contract operations and the web modules', () => {
    expect(operations.length).toBeGreaterThan(150);
    expect(webFiles.length).toBeGreaterThan(10);
  });

  it.each(webFiles)('%s sends only declared operations', async (file) => {
    const module = (await import(path.join(root, file))) as Record<string, unknown>;
    const undeclared: string[] = [];
    const unchecked: string[] = [];
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== 'function') continue;
      const {
        requests,
        value: result,
        failed,
      } = await run(name, value as (...args: unknown[]) => unknown);
      // A URL the browser opens itself (a download, a calendar file) is a GET.
      if (typeof result === 'string' && result.startsWith('/api/')) {
        requests.push({ method: 'GET', path: result });
      }
      if (failed) unchecked.push(name);
      for (const call of requests) {
        // A path the caller hands in (a stand-in argument) is the caller's to check.
        if (call.path.startsWith('/') && !declared(call)) {
          undeclared.push(`${name}: ${call.method} ${call.path}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
    expect(unchecked).toEqual([]);
  });

  it('pages that call the API themselves write only declared paths', () => {
    const pages = modulesIn('web/src', '.tsx', true);
    const undeclared: string[] = [];
    let found = 0;
    for (const file of pages) {
      const source = readFileSync(path.join(root, file), 'utf8');
      const all = source.match(/\bapi\.(get|post|put|patch|delete|upload)\b/g) ?? [];
      const literal = [
        ...source.matchAll(/\bapi\.(get|post|put|patch|delete)(?:<[^(]*>)?\(\s*(['`])(.*?)\2/g),
      ];
      // Every call writes its path out, so none is left unread.
      expect(literal.length, file).toBe(all.length);
      for (const [, method, , written] of literal) {
        found++;
        const call = { method: method!.toUpperCase(), path: written!.replace(/\$\{[^}]*\}/g, 'x') };
        if (!declared(call)) undeclared.push(`${file}: ${call.method} ${written}`);
      }
    }
    expect(found).toBeGreaterThan(10);
    expect(undeclared).toEqual([]);
  });
});
