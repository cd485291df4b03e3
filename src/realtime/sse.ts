/**
 * Server-sent events: one topic of the notifier streamed to one browser as
 * `text/event-stream`. Events name their type (`event: changed`) and carry small JSON.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { RESYNC, type Notifier } from './notifier.js';

/** Comment lines keep proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/** Open streams per app, so closing the app ends them instead of waiting for the browsers. */
const openStreams = new WeakMap<object, Set<ServerResponse>>();

/** End an app's open streams when it closes; call once per plugin that streams. */
export function endStreamsOnClose(app: FastifyInstance): void {
  const set = new Set<ServerResponse>();
  openStreams.set(app.server, set);
  app.addHook('preClose', async () => {
    for (const response of set) response.end();
  });
}

/** Stream `topic` to the client until it disconnects; `first` is sent at once. */
export async function streamTopic(
  request: FastifyRequest,
  reply: FastifyReply,
  notifier: Notifier,
  topic: string,
  first: { event: string; data: Record<string, unknown> },
): Promise<void> {
  const raw = reply.raw;
  const write = (event: string, data: Record<string, unknown>) =>
    raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const unsubscribe = await notifier.subscribe(topic, (data) => {
    // Events may have been lost while the database was away: end the stream, so the
    // browser reconnects (after `retry`) and gets the current state in its first event.
    if (data.type === RESYNC.type) return void raw.end();
    write(typeof data.type === 'string' ? data.type : 'message', data);
  });
  reply.hijack();
  // Security headers set by the hooks so far (helmet) go out with the stream too.
  const headers = Object.fromEntries(
    Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined),
  ) as Record<string, string | string[] | number>;
  raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // Tell the browser to reconnect after 2 s when the stream drops.
  raw.write('retry: 2000\n\n');
  write(first.event, first.data);
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
  const open = openStreams.get(request.server.server);
  open?.add(raw);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    open?.delete(raw);
  };
  request.raw.on('close', end);
  raw.on('close', end);
  raw.on('error', end);
}
