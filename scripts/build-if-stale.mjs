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
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    output: 'dist/server/cli/bin.js',
    command: ['tsc', '-p', 'tsconfig.build.json'],
  },
  {
    name: 'web',
    // The web front end imports a few modules from src/ (types, the survey's items).
    inputs: ['web', 'src', 'tsconfig.json', 'package-lock.json'],
    output: 'dist/web/index.html',
    command: ['vite', 'build', '--config', 'web/vite.config.ts'],
  },
];

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
  const stampFile = path.join(stampDir, `${build.name}.sha256`);
  const print = fingerprint(build.inputs);
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && stamp === print && existsSync(path.join(root, build.output))) {
    console.log(`build: ${build.name} is up to date`);
    continue;
  }
  console.log(`build: ${build.name} (${build.command.join(' ')})`);
  const bin = path.join(root, 'node_modules', '.bin', build.command[0]);
  const result = spawnSync(bin, build.command.slice(1), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${build.name} failed`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, `${print}\n`);
}
