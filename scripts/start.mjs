#!/usr/bin/env node
/**
 * `npm start`: builds what is out of date (scripts/build-if-stale.mjs), then serves in
 * this same process, so a warm start pays for one node start rather than two, from the
 * bundled server.
 */
import process from 'node:process';

await import('./build-if-stale.mjs');
process.argv.splice(2, process.argv.length - 2, 'serve');
// The server bundled into a few files (scripts/bundle-server.mjs): quicker to load.
await import('../dist/bundle/cli/bin.js');
