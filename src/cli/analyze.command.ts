/**
 * `samspil analyze FILE.csv [--json] [--min-group N] [--high X] [--low Y]`
 *
 * Reads a long CSV file (ANALYSIS.md "The long CSV format"), runs the analysis and prints
 * either the JSON of ANALYSIS.md ("Output of `samspil analyze FILE.csv --json`", numbers
 * unrounded) or a plain-text summary in Danish with English in parentheses (numbers
 * rounded to two decimals). Reading the file is the only I/O; everything else is the pure
 * core in src/analysis.
 *
 * Exit codes: 0 success; 1 the file cannot be read or has rejected rows (each line number
 * and reason goes to stderr); 2 invalid options (the option syntax itself is checked in
 * main.ts, which loads this module only when the command runs).
 */
import { readFileSync } from 'node:fs';
import {
  AnalysisError,
  analyze,
  analyzeWaves,
  CsvRejectedError,
  decodeCsvBytes,
  parseLongCsv,
  readPlainWaves,
  resolveOptions,
  RK_DIMENSION_LABELS,
  type AnalysisOptions,
  type AnalysisResult,
  type Comparison,
  type RkDimension,
  type TieLevel,
  type WaveResult,
} from '../analysis/index.js';

/** Where the command writes. */
export interface CommandOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const TOP = 5;

/** What `samspil analyze` was asked for: the file, the output form, the analysis options. */
export interface AnalyzeArgs {
  file: string;
  json: boolean;
  options: Partial<AnalysisOptions>;
}

/** Runs `samspil analyze` with its parsed arguments; resolves to the exit code. */
export async function analyzeCommand(args: AnalyzeArgs, out: CommandOutput): Promise<number> {
  let options: AnalysisOptions;
  try {
    options = resolveOptions(args.options);
  } catch (error) {
    if (error instanceof AnalysisError) {
      out.stderr(`Fejl (error): ${error.messageDa} (${error.message})\n`);
      return 2;
    }
    throw error;
  }

  let bytes: Uint8Array;
  try {
    // One synchronous read: the command does nothing else meanwhile, and it is faster.
    bytes = readFileSync(args.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    out.stderr(`Kan ikke læse filen (cannot read the file) ${args.file}: ${reason}\n`);
    return 1;
  }

  let result: AnalysisResult;
  try {
    // The byte reader collects plain files straight into the analysis's waves; files it
    // leaves (quotes, odd line ends, rejected rows) go through the general reader.
    const waves = readPlainWaves(bytes);
    result = waves
      ? analyzeWaves(waves, options)
      : analyze(parseLongCsv(decodeCsvBytes(bytes)).answers, options);
  } catch (error) {
    if (error instanceof CsvRejectedError) {
      out.stderr(`${args.file}: ${error.messageDa} (${error.message})\n`);
      for (const problem of error.problems) {
        out.stderr(`linje (line) ${problem.line}: ${problem.reasonDa} (${problem.reason})\n`);
      }
      return 1;
    }
    if (error instanceof AnalysisError) {
      out.stderr(`${args.file}: ${error.messageDa} (${error.message})\n`);
      return 1;
    }
    throw error;
  }

  out.stdout(args.json ? `${JSON.stringify(result, null, 2)}\n` : summary(args.file, result));
  return 0;
}

function num(value: number | null, digits = 2): string {
  return value === null ? '–' : value.toFixed(digits);
}

function pValue(p: number | null): string {
  if (p === null) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

function dimension(key: RkDimension | null): string {
  if (key === null) return '–';
  const label = RK_DIMENSION_LABELS[key];
  return `${label.da} (${label.en.toLowerCase()})`;
}

const LEVEL_LABELS: Record<TieLevel, string> = {
  high: 'høj (high)',
  medium: 'middel (medium)',
  low: 'lav (low)',
  suppressed: 'skjult (suppressed)',
};

function comparisonLine(c: Comparison): string {
  if (c.suppressed) return 'skjult: for få svar (suppressed: too few respondents)';
  if (c.diff === null) return 'ikke nok data (not enough data)';
  const ci = c.ci === null ? '–' : `[${num(c.ci[0])}; ${num(c.ci[1])}]`;
  return (
    `${c.from} ${num(c.mean1)} (n = ${c.n1 ?? '–'}) → ${c.to} ${num(c.mean2)} (n = ${c.n2 ?? '–'}): ` +
    `forskel (diff) ${num(c.diff)}, 95 % KI (CI) ${ci}, p ${pValue(c.p)}, d ${num(c.d)}`
  );
}

function waveSummary(wave: WaveResult): string[] {
  const lines: string[] = [];
  const name = wave.wave === '' ? '(uden navn / unnamed)' : wave.wave;
  lines.push(`Runde (wave) ${name}`);
  const net = wave.network;
  lines.push(
    net.suppressed
      ? '  Netværksscore (network score): skjult (suppressed)'
      : `  Netværksscore (network score): ${num(net.score)} (n = ${net.n ?? '–'})`,
  );
  lines.push(`  Svageste dimension (weakest dimension): ${dimension(net.weakestDimension)}`);

  const shown = wave.ties.filter((t) => !t.suppressed);
  const hidden = wave.ties.length - shown.length;
  lines.push(
    `  Relationer (ties): ${wave.ties.length}, heraf skjult (suppressed): ${hidden}; ` +
      `selv-relationer (self-ties): ${wave.selfTies.length}`,
  );
  const weakest = [...shown].sort((a, b) => (a.score ?? 0) - (b.score ?? 0)).slice(0, TOP);
  if (weakest.length > 0) {
    lines.push('  Svageste relationer (weakest ties):');
    for (const t of weakest) {
      lines.push(
        `    ${t.from} → ${t.to}: ${num(t.score)} ${LEVEL_LABELS[t.level]}, n = ${t.n ?? '–'}, ` +
          `ved ikke (don't know) ${num(t.dontKnowShare === null ? null : t.dontKnowShare * 100, 0)} %, ` +
          `svageste (weakest) ${dimension(t.weakestDimension)}`,
      );
    }
  }
  const gaps = wave.asymmetry.slice(0, TOP);
  if (gaps.length > 0) {
    lines.push('  Største asymmetrier (largest asymmetries):');
    for (const g of gaps) {
      lines.push(
        `    ${g.a} ↔ ${g.b}: ${g.a} → ${g.b} ${num(g.ab)}, ${g.b} → ${g.a} ${num(g.ba)}, ` +
          `forskel (gap) ${num(g.gap)}`,
      );
    }
  }
  lines.push(
    `  Ledere vs. medarbejdere (leaders vs employees): ${comparisonLine(wave.roles.comparison)}`,
  );
  const alpha = (label: string, r: WaveResult['reliability']['rk']) =>
    `${label} ${r.suppressed ? 'skjult (suppressed)' : `${num(r.alpha)} (${r.rows} rækker / rows, k = ${r.k})`}`;
  lines.push(
    `  Cronbachs alpha: ${alpha('RK', wave.reliability.rk)}; ${alpha('ledelse (leadership)', wave.reliability.ledelse)}; ` +
      `${alpha('borger (citizen)', wave.reliability.borger)}`,
  );
  const l = wave.leadership;
  lines.push(
    l.suppressed
      ? '  Ledelse og RK (leadership and RK): skjult (suppressed)'
      : `  Ledelse og RK (leadership and RK): hældning (slope) ${num(l.slope)}, r ${num(l.r)}, ` +
          `p ${pValue(l.p)}, n = ${l.n ?? '–'}, elasticitet (elasticity) ${num(l.elasticity)}`,
  );
  return lines;
}

function summary(file: string, result: AnalysisResult): string {
  const lines: string[] = [];
  lines.push(`Samspil: analyse af (analysis of) ${file}`);
  lines.push(
    `Mindste gruppe (minimum group) ${result.minGroup}; grænser (thresholds): høj (high) ≥ ${result.thresholds.high}, lav (low) < ${result.thresholds.low}`,
  );
  if (result.waves.length === 0) lines.push('Ingen svar (no answers).');
  for (const wave of result.waves) {
    lines.push('');
    lines.push(...waveSummary(wave));
  }
  if (result.comparison !== null) {
    lines.push('');
    lines.push(`Sammenligning af runder (wave comparison): ${comparisonLine(result.comparison)}`);
  }
  if (result.did !== null) {
    const d = result.did;
    const ci = d.ci === null ? '–' : `[${num(d.ci[0])}; ${num(d.ci[1])}]`;
    lines.push(
      d.suppressed
        ? 'Forskel i forskelle (difference in differences): skjult (suppressed)'
        : `Forskel i forskelle (difference in differences) ${d.from} → ${d.to}: ${num(d.did)}, ` +
            `95 % KI (CI) ${ci}, p ${pValue(d.p)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
