#!/usr/bin/env node
/**
 * Builds the server (tsc) and the web front end (vite) only when their inputs changed
 * since the last build, so `npm start` on an unchanged checkout goes straight to serving.
 *
 * Each build's inputs are fingerprinted by content (paths and bytes, so a fresh clone or
 * a `git checkout` that only touches mtimes rebuilds nothing) and the fingerprint is kept
 * in `dist/.stamps/`, written only after the build succeeded. `--force` builds both.
 */
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampDir = path.join(root, 'dist', '.stamps');

/** Each build: what it reads, what it must leave behind, and how to run it. */
const BUILDS = [
  {
    name: 'server',
    inputs: ['src', 'contract', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    output: 'dist/bundle/cli/bin.js',
    commands: [
      ['tsc', '-p', 'tsconfig.build.json'],
      [process.execPath, 'scripts/bundle-server.mjs'],
    ],
    builtFrom: () => [],
  },
  {
    name: 'web',
    // Plus the few src/ modules the bundle holds (the survey's items, the analysis):
    // read from the source maps after a build, so a server-only change rebuilds no web.
    inputs: ['web', 'contract', 'tsconfig.json', 'package-lock.json'],
    output: 'dist/web/index.html',
    commands: [['vite', 'build', '--config', 'web/vite.config.ts']],
    builtFrom: () => bundledSources('dist/web/assets', 'src/'),
  },
];

/** The project files under `prefix` that the source maps in `dir` name. */
function bundledSources(dir, prefix) {
  const sources = new Set();
  for (const file of filesOf(dir).filter((f) => f.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    for (const source of map.sources ?? []) {
      const relative = path.relative(root, path.resolve(root, path.dirname(file), source));
      if (relative.startsWith(prefix)) sources.add(relative);
    }
  }
  return [...sources].sort();
}

/** Every file under `entry` (or `entry` itself), sorted, relative to the project root. */
function filesOf(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of filesOf(input)) {
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(path.join(root, file)))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
mkdirSync(stampDir, { recursive: true });
for (const build of BUILDS) {
  const stampFile = path.join(stampDir, `${build.name}.json`);
  /** @type {{ fingerprint: string, builtFrom: string[] } | undefined} */
  const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : undefined;
  const inputsPrint = fingerprint(build.inputs);
  const upToDate =
    stamp !== undefined &&
    stamp.fingerprint === `${inputsPrint} ${fingerprint(stamp.builtFrom)}` &&
    existsSync(path.join(root, build.output));
  if (!force && upToDate) {
    console.log(`build: ${build.name} is up to date`);
    continue;
  }
  for (const [command, ...args] of build.commands) {
    console.log(`build: ${build.name} (${path.basename(command)} ${args.join(' ')})`);
    const bin = path.isAbsolute(command)
      ? command
      : path.join(root, 'node_modules', '.bin', command);
    const result = spawnSync(bin, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`build: ${build.name} failed`);
      process.exit(result.status ?? 1);
    }
  }
  // The inputs as they were when the build started: one edited meanwhile builds again.
  const builtFrom = build.builtFrom();
  const stamped = { fingerprint: `${inputsPrint} ${fingerprint(builtFrom)}`, builtFrom };
  writeFileSync(stampFile, `${JSON.stringify(stamped, null, 2)}\n`);
}
