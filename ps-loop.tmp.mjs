import { readFileSync } from 'node:fs';
const csv = await import('./dist/src/analysis/long-csv.js');
const bytes = readFileSync('/tmp/ps-answers.csv');
for (let r = 0; r < 6; r++) {
  const c0 = process.cpuUsage(); 
  const w = csv.readPlainWaves(bytes);
  const c = process.cpuUsage(c0);
  console.log('waves', w.length, 'cpu ms', ((c.user + c.system) / 1000).toFixed(0));
}
