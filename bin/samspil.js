#!/usr/bin/env node
// The samspil command. Runs the compiled CLI (npm run build:server first).
import '../dist/server/src/cli/bin.js';
