// The load generator of survey-submit.bench.ts, in its own process so its CPU time is
// counted apart from the app's: PUTs each link's answer set with the given concurrency
// over kept-alive connections and reports every request's latency and its own CPU time.
// node:http rather than fetch: it costs the shared two cores about half as much per
// request. Plain JavaScript so it runs without a loader.
import { Buffer } from 'node:buffer';
import { Agent, request } from 'node:http';
import process from 'node:process';
import { performance } from 'node:perf_hooks';

/** PUT one body; resolves with the status once the whole response has arrived. */
const put = (agent, url, body) =>
  new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'PUT',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(body);
  });

process.once('message', async ({ baseUrl, links, bodies, concurrency }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < links.length) {
        const i = next++;
        const t0 = performance.now();
        const status = await put(agent, `${baseUrl}${links[i]}/answers`, bodies[i]);
        if (status !== 200) throw new Error(`status ${status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  agent.destroy();
  process.send({ latencies, seconds, cpuMs: (used.user + used.system) / 1000 }, () =>
    process.exit(0),
  );
});
