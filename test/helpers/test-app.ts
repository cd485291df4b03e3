/**
 * A real app on a real database for tests: `inject` for API tests, `listen` for
 * browser tests. The client keeps cookies and the CSRF token like a browser does.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DatabaseHandle } from '../../src/db/connection.js';
import type { JobWorker } from '../../src/jobs/job-worker.js';
import { outboxTransport, smtpTransport } from '../../src/mail/mail-transport.js';
import { smsTransportFor } from '../../src/mail/sms-transport.js';
import { buildApp } from '../../src/server/app.js';
import { createWorker } from '../../src/server/background.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  /** The job worker, not started: tests call `worker.runDue()`. */
  worker: JobWorker;
  config: Config;
  /** Base URL when started with `listen: true`. */
  url: string;
  close: () => Promise<void>;
}

/** A test configuration: fixed secrets, a temp data dir, no SMTP unless given. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'samspil-test-')),
    SESSION_SECRET: 'test-session-secret-0123456789abcdef-0123456789',
    CPR_KEY: Buffer.alloc(32, 7).toString('base64'),
    PORT: '0',
    ...overrides,
  });
}

export async function startTestApp(
  database: TestDatabase,
  options: {
    listen?: boolean;
    env?: Record<string, string>;
    /** The web front end to serve; else `E2E_WEB_DIR`, else the app's default. */
    webDir?: string;
    /** The survey page's server renderer; else the one beside the web front end. */
    surveyRendererFile?: string;
    /** Log as `serve` does, into this stream. */
    logStream?: { write: (line: string) => void };
  } = {},
): Promise<TestApp> {
  const config = testConfig(options.env);
  const handle = await database.open();
  const mail = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : outboxTransport;
  const sms = smsTransportFor(config);
  // E2E_WEB_DIR lets a developer test against a private build of the web front end.
  const app = await buildApp({
    config,
    db: handle.db,
    mail,
    sms,
    notifier: handle.notifier,
    poolStats: handle.poolStats,
    webDir: options.webDir ?? process.env.E2E_WEB_DIR,
    surveyRendererFile: options.surveyRendererFile,
    ...(options.logStream ? { logger: true, logStream: options.logStream } : {}),
  });
  const worker = createWorker(handle.db, mail, { backoffMs: 10, sms });
  let url = '';
  if (options.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}`;
  } else {
    await app.ready();
  }
  return {
    app,
    handle,
    worker,
    config,
    url,
    close: async () => {
      await worker.stop();
      await app.close();
      mail.close();
      await handle.close();
    },
  };
}

let clientCount = 0;
/** A distinct loopback address per client, so per-IP login limits do not couple tests. */
const nextAddress = () => {
  clientCount++;
  return `127.0.${Math.floor(clientCount / 250) % 250}.${(clientCount % 250) + 1}`;
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A cookie-keeping client over `app.inject`. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken = '';

  /** `remoteAddress` sets the client IP (login rate limits are per IP). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = nextAddress(),
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now())) {
        this.cookies.delete(cookie.name);
      } else this.cookies.set(cookie.name, cookie.value);
    }
  }

  /** Load the session (sets the CSRF cookie and token), as the web app does on start. */
  async start(): Promise<this> {
    const response = await this.request('GET', '/api/session');
    this.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
    return this;
  }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    if (this.csrfToken === '') await this.start();
    const response = await this.request('POST', '/api/auth/login', { email, password });
    if (response.statusCode === 200)
      this.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
    return response;
  }

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        cookie: this.cookieHeader(),
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrfToken }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.keepCookies(response);
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }

  /** Upload one file as multipart field "file". */
  async upload(
    url: string,
    filename: string,
    content: Buffer | string,
  ): Promise<LightMyRequestResponse> {
    const boundary = '----samspiltest' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request('POST', url, payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }
}
