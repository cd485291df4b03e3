const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const t0 = cpu(); const lap = (l) => console.error(l.padEnd(12), (cpu() - t0).toFixed(0));
const { readFile } = await import('node:fs/promises');
const a = await import('./dist/src/analysis/index.js'); lap('import');
const bytes = await readFile('/tmp/ps-answers.csv'); lap('read');
const waves = a.readPlainWaves(bytes); lap('parse');
const result = a.analyzeWaves(waves, {}); lap('analyze');
const text = `${JSON.stringify(result, null, 2)}\n`; lap('stringify ' + text.length);
process.stdout.write(text); lap('write');
