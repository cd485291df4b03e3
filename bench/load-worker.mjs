/* global fetch */
// The load generator of survey-submit.bench.ts, in its own thread so it does not take
// the app's CPU: PUTs each link's answer set with the given concurrency and reports
// every request's latency. Plain JavaScript so a worker thread can load it directly.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const { baseUrl, links, bodies, concurrency } = workerData;
const latencies = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < links.length) {
      const i = next++;
      const t0 = performance.now();
      const response = await fetch(`${baseUrl}${links[i]}/answers`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: bodies[i],
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      latencies.push(performance.now() - t0);
    }
  }),
);
parentPort?.postMessage({ latencies, seconds: (performance.now() - started) / 1000 });
