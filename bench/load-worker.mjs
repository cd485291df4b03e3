// The load generator of survey-submit.bench.ts, in its own process so its CPU time is
// counted apart from the app's: PUTs each link's answer set with the given concurrency
// over kept-alive connections and reports every request's latency and its own CPU time.
//
// HTTP/1.1 written by hand on plain sockets, with every request built before the clock
// starts, as wrk does: the app and the load share two cores, so what the load costs
// slows the app down. node:http cost 0.20 ms of CPU per request, fetch twice that; this
// costs about a third of node:http. Plain JavaScript so it runs without a loader.
import { Buffer } from 'node:buffer';
import net from 'node:net';
import process from 'node:process';
import { URL } from 'node:url';
import { performance } from 'node:perf_hooks';

/** One kept-alive connection that sends a request and resolves with the response's status. */
function connection(host, port) {
  const socket = net.connect(port, host);
  socket.setNoDelay(true);
  let waiting;
  let received = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
    const headEnd = received.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = received.subarray(0, headEnd).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (received.length < headEnd + 4 + length) return;
    received = received.subarray(headEnd + 4 + length);
    const { resolve } = waiting;
    waiting = undefined;
    resolve(Number(head.slice(9, 12)));
  });
  socket.on('error', (error) => waiting?.reject(error));
  socket.on('close', () => waiting?.reject(new Error('connection closed by the server')));
  return {
    send: (request) =>
      new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(request);
      }),
    close: () => socket.destroy(),
  };
}

process.once('message', async ({ baseUrl, links, bodies, concurrency }) => {
  const { hostname, port, host } = new URL(baseUrl);
  const requests = links.map((link, i) => {
    const body = Buffer.from(bodies[i]);
    const head =
      `PUT ${link}/answers HTTP/1.1\r\nhost: ${host}\r\n` +
      `content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), body]);
  });
  const connections = Array.from({ length: concurrency }, () => connection(hostname, Number(port)));
  const latencies = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    connections.map(async (conn) => {
      while (next < requests.length) {
        const i = next++;
        const t0 = performance.now();
        const status = await conn.send(requests[i]);
        if (status !== 200) throw new Error(`status ${status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  for (const conn of connections) conn.close();
  process.send({ latencies, seconds, cpuMs: (used.user + used.system) / 1000 }, () =>
    process.exit(0),
  );
});
