#!/usr/bin/env node
/**
 * Bundles the compiled server (`dist/src`, from tsc) with its libraries into a few files
 * in `dist/bundle/cli/` for `npm start` (scripts/start.mjs): Node then reads and compiles
 * one large module instead of resolving and reading about a thousand small ones (Fastify
 * and its plugins are CommonJS), about 0.4–0.6 s less CPU per start (bench/README.md).
 * Each command still loads its own chunk when it runs (dynamic `import()` is kept).
 *
 * Left outside: PGlite (it reads its WebAssembly beside its own module), argon2 (native),
 * and the PDF and Excel libraries with their data files, which load on first use anyway.
 * `bin/samspil.js` keeps running the unbundled `dist/src`.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Two levels below dist/, like dist/src/cli, so the paths the code finds relative to its
// own module (`dist/web`, package.json) are the same in the bundle.
const outdir = path.join(root, 'dist', 'bundle', 'cli');

rmSync(path.join(root, 'dist', 'bundle'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/cli/bin.js', 'dist/src/import/parse.worker.js'],
  entryNames: '[name]',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [
    '@electric-sql/pglite',
    'argon2',
    'pdfkit',
    'exceljs',
    'dejavu-fonts-ttf',
    'pg-native',
  ],
  // The CommonJS libraries inside an ES module still call require() for Node's modules.
  banner: {
    js: "import { createRequire as __samspilRequire } from 'node:module'; const require = __samspilRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
