/**
 * Prometheus metrics at `/metrics`, only when a token is configured (`METRICS_TOKEN`,
 * sent as `Authorization: Bearer …`). Each app has its own registry, so several apps in
 * one process (tests) never share or clash. Labels are route patterns, never URLs, so
 * no token or id reaches the metrics and their number stays bounded.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { metricsText } from '../../contract/server.schema.js';
import type { PoolStats } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../kernel/errors.js';

/** Where the survey saves answers and submits: counted as answer sets saved / submitted. */
const SAVE_ROUTE = '/api/survey/:measurementId/:token/answers';
const SUBMIT_ROUTE = '/api/survey/:measurementId/:token/submit';

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Register the metrics hooks and the `/metrics` route on `app`. */
export function registerMetrics(
  app: FastifyInstance,
  options: { token: string; db: Kysely<Database>; poolStats?: () => PoolStats },
): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'samspil_' });

  const duration = new Histogram({
    name: 'samspil_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status (its _count is the request rate).',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const saved = new Counter({
    name: 'samspil_answer_sets_saved_total',
    help: 'Survey answer sets saved (successful saves of answers by personal link).',
    registers: [registry],
  });
  const submitted = new Counter({
    name: 'samspil_surveys_submitted_total',
    help: 'Surveys submitted by personal link.',
    registers: [registry],
  });
  const { poolStats } = options;
  new Gauge({
    name: 'samspil_db_pool_connections',
    help: 'PostgreSQL pool connections: total, idle, and requests waiting for one.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      if (!poolStats) return;
      const stats = poolStats();
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  new Gauge({
    name: 'samspil_job_queue_depth',
    help: 'Background jobs due and not yet done, by kind (-1 while the database is unavailable).',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const { rows } = await sql<{ kind: string; due: number }>`
          SELECT kind, count(*) AS due FROM job
          WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()
          GROUP BY kind`.execute(options.db);
        for (const row of rows) this.set({ kind: row.kind }, Number(row.due));
      } catch {
        this.set({ kind: 'all' }, -1);
      }
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    duration.observe(
      { method: request.method, route, status: String(status) },
      reply.elapsedTime / 1000,
    );
    if (status < 300 && route === SAVE_ROUTE) saved.inc();
    if (status < 300 && route === SUBMIT_ROUTE) submitted.inc();
  });

  // Text, sent as is (a string with its content type bypasses the serializer).
  const documented = { hide: true, response: { 200: metricsText } };
  app.get('/metrics', { schema: documented }, async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!sameToken(given, options.token)) {
      throw new AppError(401, 'unauthenticated', {
        da: 'Metrikker kræver et gyldigt token.',
        en: 'Metrics need a valid token.',
      });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
