/**
 * How long `npm start` takes until the app answers, as a newcomer sees it:
 *
 * - fresh: no `dist/` and an empty data directory (builds everything, creates the demo);
 * - warm: nothing changed since the last start (goes straight to serving);
 * - server only: `node bin/samspil.js serve` on the same data (what node and PGlite cost);
 * - peers: `bench/pglite-open.mjs` opens the same PGlite data directory, runs one query and
 *   answers `GET /` (the floor a warm start stands on), and a bare `node -e ""` to its exit;
 * - baseline: the old `npm start`, `npm run build && node bin/samspil.js serve`, warm.
 *
 * Ready means `GET /` answers 200 with the staff page. The fresh run deletes this
 * checkout's `dist/` (it is rebuilt); `--skip-fresh` keeps it.
 *
 *   npx tsx bench/start.bench.ts [--runs 3] [--skip-fresh] [--skip-baseline]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './bench-setup.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'skip-fresh': { type: 'boolean', default: false },
    'skip-baseline': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const root = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Seconds a command takes to run to its end. */
async function timeToExit(command: string): Promise<number> {
  const start = performance.now();
  await new Promise((resolve) =>
    spawn('sh', ['-c', command], { stdio: 'ignore' }).once('exit', resolve),
  );
  return (performance.now() - start) / 1000;
}

/** Run `command` in a shell until `GET /` answers; returns the seconds it took. */
async function timeToReady(command: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  // Its own process group, so the shell, npm and node stop together.
  const child = spawn('sh', ['-c', command], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), NODE_ENV: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`"${command}" stopped before it was ready:\n${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.ok && (await response.text()).includes('<div id="root">')) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return (performance.now() - start) / 1000;
  } finally {
    if (!exited) {
      const stopped = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await stopped;
    }
  }
}

const fmt = (seconds: number[]) => {
  const sorted = [...seconds].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)} s (median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)})`;
};

const dataDir = mkdtempSync(path.join(tmpdir(), 'samspil-start-bench-'));
const results: [string, number[]][] = [];
const warm: number[] = [];
const serverOnly: number[] = [];
const baseline: number[] = [];
const pgliteOnly: number[] = [];
const bareNode: number[] = [];
console.log(`load average before: ${loadavg()[0]!.toFixed(1)}`);
try {
  if (!values['skip-fresh']) {
    rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    console.log('fresh: no dist/, empty data directory …');
    results.push([
      'fresh npm start (builds, creates the demo)',
      [await timeToReady('npm start', dataDir)],
    ]);
  } else {
    // The data directory still needs its demo before the warm runs.
    await timeToReady('npm start', dataDir);
  }
  for (let run = 0; run < RUNS; run++) {
    warm.push(await timeToReady('npm start', dataDir));
    serverOnly.push(await timeToReady('node bin/samspil.js serve', dataDir));
    pgliteOnly.push(await timeToReady('node bench/pglite-open.mjs', dataDir));
    bareNode.push(await timeToExit('node -e ""'));
    if (!values['skip-baseline']) {
      baseline.push(await timeToReady('npm run build && node bin/samspil.js serve', dataDir));
    }
  }
  results.push(['warm npm start (nothing changed)', warm]);
  results.push(['node bin/samspil.js serve (warm)', serverOnly]);
  results.push(['peer: open the same PGlite directory and answer GET /', pgliteOnly]);
  results.push(['peer: node -e ""', bareNode]);
  if (baseline.length > 0) results.push(['old npm start: npm run build && serve (warm)', baseline]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nload average after: ${loadavg()[0]!.toFixed(1)}`);
console.log('| start | seconds to ready |');
console.log('|---|---|');
for (const [name, seconds] of results) console.log(`| ${name} | ${fmt(seconds)} |`);
console.log(
  `warm npm start = PGlite open + ${(median(warm) - median(pgliteOnly)).toFixed(2)} s; ` +
    `server alone = PGlite open + ${(median(serverOnly) - median(pgliteOnly)).toFixed(2)} s`,
);
const [warmRow, , , , baselineRow] = results.slice(values['skip-fresh'] ? 0 : 1);
if (warmRow && baselineRow) {
  console.log(
    `warm npm start / old npm start: ${(median(warmRow[1]) / median(baselineRow[1])).toFixed(2)}`,
  );
}
