/** Real HTTP for tests that need it: a browser-like login, server-sent events, listening. */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-organisation.js';

/** Log in over real HTTP and keep the cookies, as a browser does. */
export async function browserLogin(url: string, email: string) {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const session = await fetch(`${url}/api/session`);
  keep(session);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: header() },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  keep(login);
  expect(login.status).toBe(200);
  return header();
}

/** Open a workshop's event stream and read events from it as they come. */
export async function openStream(url: string, cookie: string, workshopId: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/workshops/${workshopId}/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  /** The next event named `name`, within two seconds. */
  const next = async (name: string): Promise<Record<string, unknown>> => {
    const deadline = Date.now() + 2000;
    for (;;) {
      const match = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return JSON.parse(match[1]!) as Record<string, unknown>;
      }
      if (Date.now() > deadline) throw new Error(`no ${name} event; got ${JSON.stringify(buffer)}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<undefined>((r) => setTimeout(() => r(undefined), 200)),
      ]);
      if (chunk?.value) buffer += chunk.value;
    }
  };
  return { next, close: () => controller.abort() };
}

export async function listen(app: FastifyInstance) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A free local port, so an app's public URL (and a provider's redirect URI) is known before it listens. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
