/**
 * Benchmark: the `samspil` command as a user starts it, beside `node -e ""` (a bare Node
 * process start) measured in the same run, and `samspil analyze` beside a vectorised
 * pandas script over the same file when python3 with pandas is installed.
 *
 *   npm run build:server && npx tsx bench/cli.bench.ts [--repeat 5] [--groups 50]
 *     [--respondents 30] [--python /usr/bin/python3] [--keep answers.csv]
 *
 * The file is a long CSV (docs/analysis.md) of G groups × R respondents × 2 waves, made
 * with a seeded generator: every respondent rates their own and the next 22 groups on the
 * six RK items (5 % "ved ikke") and answers the seven leadership items; 50 × 30 gives about
 * 435 000 answers. Targets: `--help` ≤ 0.3 s; `analyze FILE --json` ≤ 1.6 s and ≤ 0.5× the
 * pandas process. The processes run round-robin, `--repeat` rounds; medians (and the
 * fastest run) are printed. Last, the file is read once per process by the general reader
 * (strings) and by the byte reader `samspil analyze` uses, `--repeat` times each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LEADERSHIP_ITEMS, RK_ITEMS } from '../src/analysis/answer.js';
import { seededRandom } from '../src/demo/random.js';
import { median } from './bench-setup.js';

const { values } = parseArgs({
  options: {
    repeat: { type: 'string', default: '5' },
    groups: { type: 'string', default: '50' },
    respondents: { type: 'string', default: '30' },
    python: { type: 'string', default: '/usr/bin/python3' },
    // Also keep the generated file here (for profiling: node --cpu-prof bin/samspil.js analyze …).
    keep: { type: 'string' },
  },
});
const REPEAT = Number(values.repeat);
const GROUPS = Number(values.groups);
const RESPONDENTS = Number(values.respondents);
const RATED = Math.min(GROUPS, 23);

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/samspil.js');
if (!existsSync(path.join(root, 'dist/src/cli/bin.js'))) {
  throw new Error('dist/src is missing: run npm run build:server first');
}

/** The long CSV: G groups × R respondents × 2 waves, seeded. */
function longCsv(): { csv: string; answers: number } {
  const random = seededRandom(15);
  const groups = Array.from(
    { length: GROUPS },
    (_, i) => `Gruppe ${String(i + 1).padStart(2, '0')}`,
  );
  const lines = ['respondent,unit,role,target,item,value,wave,arm,case'];
  for (const wave of ['før', 'efter']) {
    for (let g = 0; g < GROUPS; g++) {
      const unit = groups[g]!;
      const arm = g < GROUPS / 2 ? 'intervention' : 'kontrol';
      // Each group has its own level, so ties differ; the second wave is a little better.
      const level = 2.2 + (g % 7) * 0.3 + (wave === 'efter' && arm === 'intervention' ? 0.3 : 0);
      for (let r = 0; r < RESPONDENTS; r++) {
        const respondent = `${wave === 'før' ? 'a' : 'b'}${g}-${r}`;
        const role = r < 3 ? 'leder' : 'medarbejder';
        const value = () =>
          random() < 0.05
            ? 'ved ikke'
            : String(Math.max(1, Math.min(5, Math.round(level + (random() - 0.5) * 3))));
        for (let t = 0; t < RATED; t++) {
          const target = groups[(g + t) % GROUPS]!;
          for (const item of RK_ITEMS) {
            lines.push(
              `${respondent},${unit},${role},${target},${item},${value()},${wave},${arm},`,
            );
          }
        }
        for (const item of LEADERSHIP_ITEMS) {
          lines.push(`${respondent},${unit},${role},,${item},${value()},${wave},${arm},`);
        }
      }
    }
  }
  return { csv: `${lines.join('\n')}\n`, answers: lines.length - 1 };
}

/** The core of the analysis an analyst would write in pandas: ties, units and network per wave. */
const PANDAS = String.raw`
import json, sys, time
start = time.perf_counter()
import pandas as pd
imported = time.perf_counter()
RK = ['videndeling', 'kendskab', 'samarbejde', 'problemloesning', 'innovation', 'respekt']
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
df['v'] = pd.to_numeric(df['value'], errors='coerce')
rk = df[df['item'].isin(RK)]
person = rk.groupby(['wave', 'unit', 'target', 'respondent'], sort=False)['v'].mean()
ties = person.groupby(level=[0, 1, 2]).agg(['mean', 'count'])
shown = ties[ties['count'] >= 5]
units = shown.groupby(level=[0, 1])['mean'].mean()
network = person.groupby(level=0).mean()
dims = rk.groupby(['wave', 'item'])['v'].mean()
out = {
    'ties': int(len(ties)),
    'units': {f'{w}|{u}': m for (w, u), m in units.items()},
    'network': network.to_dict(),
    'dimensions': {f'{w}|{i}': m for (w, i), m in dims.items()},
}
json.dump(out, sys.stdout)
done = time.perf_counter()
print(f'\nPYTHON_SECONDS {done - imported:.3f} {imported - start:.3f}', file=sys.stderr)
`;

interface Timing {
  median: number;
  best: number;
  stderr: string;
}

interface Case {
  label: string;
  command: string;
  args: string[];
}

/**
 * Runs every case `REPEAT` times, round-robin, so a burst of load on the shared machine
 * falls on all of them alike; wall-clock seconds per case.
 */
function timeAll(cases: Case[]): Timing[] {
  const runs = cases.map(() => [] as number[]);
  const stderr = cases.map(() => '');
  for (let round = 0; round < REPEAT; round++) {
    cases.forEach(({ command, args }, i) => {
      const start = performance.now();
      const result = spawnSync(command, args, {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      runs[i]!.push((performance.now() - start) / 1000);
      if (result.status !== 0) {
        throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      }
      stderr[i] = result.stderr;
    });
  }
  return runs.map((times, i) => {
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, best: times[0]!, stderr: stderr[i]! };
  });
}

/** Reads FILE once with one of the two readers of dist/, printing the milliseconds it took. */
const READ_ONCE = `
import { readFileSync } from 'node:fs';
const csv = await import(process.argv[1]);
const bytes = readFileSync(process.argv[3]);
const start = performance.now();
if (process.argv[2] === 'general') csv.parseLongCsv(csv.decodeCsvBytes(bytes));
else csv.parseLongCsvBytes(bytes);
console.log(performance.now() - start);
`;

/**
 * Median milliseconds of reading the file with the general (string) reader and with the
 * byte reader, each once in a fresh process as `samspil analyze` does, round-robin.
 */
function timeReaders(file: string): [number, number] {
  const module = path.join(root, 'dist/src/analysis/long-csv.js');
  const runs: [number[], number[]] = [[], []];
  for (let round = 0; round < REPEAT; round++) {
    (['general', 'bytes'] as const).forEach((reader, i) => {
      const result = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', READ_ONCE, module, reader, file],
        { encoding: 'utf8' },
      );
      if (result.status !== 0) throw new Error(result.stderr);
      runs[i]!.push(Number(result.stdout));
    });
  }
  return [median(runs[0]), median(runs[1])];
}

const dir = mkdtempSync(path.join(tmpdir(), 'samspil-cli-bench-'));
try {
  const { csv, answers } = longCsv();
  const file = path.join(dir, 'answers.csv');
  writeFileSync(file, csv);
  if (values.keep) writeFileSync(values.keep, csv);
  console.log(
    `file: ${GROUPS} groups × ${RESPONDENTS} respondents × 2 waves = ${answers} answers, ` +
      `${(csv.length / 1e6).toFixed(1)} MB; ${REPEAT} runs each, median (best) in seconds`,
  );

  const hasPandas =
    spawnSync(values.python, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;
  const script = path.join(dir, 'core.py');
  writeFileSync(script, PANDAS);
  const cases: Case[] = [
    { label: 'node -e ""', command: process.execPath, args: ['-e', ''] },
    { label: 'samspil --help', command: process.execPath, args: [bin, '--help'] },
    {
      label: 'samspil analyze --help',
      command: process.execPath,
      args: [bin, 'analyze', '--help'],
    },
    {
      label: 'samspil analyze FILE --json',
      command: process.execPath,
      args: [bin, 'analyze', file, '--json'],
    },
    ...(hasPandas
      ? [
          {
            label: 'pandas script (python3 core.py FILE)',
            command: values.python,
            args: [script, file],
          },
        ]
      : []),
  ];
  const timings = timeAll(cases);
  cases.forEach(({ label }, i) => {
    const t = timings[i]!;
    console.log(`${label.padEnd(38)} ${t.median.toFixed(3)} (${t.best.toFixed(3)})`);
  });
  const [node, help, , analyze, pandas] = timings as [Timing, Timing, Timing, Timing, Timing?];
  console.log(
    `--help: ${help.median.toFixed(3)} s, ${(help.median - node.median).toFixed(3)} s above a bare node start (goal ≤ 0.3 s)`,
  );
  console.log(`analyze: ${analyze.median.toFixed(3)} s (goal ≤ 1.6 s)`);
  if (pandas) {
    const inside = /PYTHON_SECONDS ([\d.]+) ([\d.]+)/.exec(pandas.stderr);
    if (inside) {
      console.log(`  pandas inside Python: ${inside[1]} s work, ${inside[2]} s importing pandas`);
    }
    console.log(
      `analyze / pandas (processes, medians): ${(analyze.median / pandas.median).toFixed(2)} (goal ≤ 0.5)`,
    );
  } else {
    console.log(`(no pandas for ${values.python}: apt-get install -y python3-pandas to compare)`);
  }

  const [general, plain] = timeReaders(file);
  console.log(
    `reading the file (median, once per process): general reader ${general.toFixed(0)} ms, ` +
      `byte reader ${plain.toFixed(0)} ms, ratio ${(plain / general).toFixed(2)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
