/**
 * An analysis result as named tables (header + rows). Every tabular export (CSV,
 * XLSX, and later the PDF's tables) is built from these, so the figures are the same
 * in every format. Suppressed values stay empty: nothing is shown that the screen hides.
 */
import type { AnalysisResult, TieResult } from '../analysis/analyze.js';
import { RK_DIMENSION_LABELS, RK_ITEMS } from '../analysis/answer.js';
import type { Comparison } from '../analysis/welch.js';

export type Cell = string | number | null;

export interface Table {
  /** Short name, used as sheet name and file name. */
  name: string;
  title: { da: string; en: string };
  header: string[];
  rows: Cell[][];
}

const DIMENSION_HEADERS = RK_ITEMS.map((k) => RK_DIMENSION_LABELS[k].da);

const tieRow = (wave: string, tie: TieResult): Cell[] => [
  wave,
  tie.from,
  tie.to,
  tie.n,
  tie.score,
  tie.level,
  tie.dontKnowShare,
  ...RK_ITEMS.map((k) => tie.dimensions[k]),
];

const comparisonHeader = [
  'fra',
  'til',
  'n1',
  'n2',
  'middel1',
  'middel2',
  'forskel',
  'se',
  'df',
  'ci_lav',
  'ci_høj',
  'p',
  'd',
];
const comparisonRow = (c: Comparison): Cell[] => [
  c.from,
  c.to,
  c.n1,
  c.n2,
  c.mean1,
  c.mean2,
  c.diff,
  c.se,
  c.df,
  c.ci?.[0] ?? null,
  c.ci?.[1] ?? null,
  c.p,
  c.d,
];

/** All tables of an analysis, in report order. */
export function reportTables(result: AnalysisResult): Table[] {
  const tieHeader = [
    'runde',
    'fra',
    'til',
    'n',
    'score',
    'niveau',
    'andel_ved_ikke',
    ...DIMENSION_HEADERS,
  ];
  const tables: Table[] = [
    {
      name: 'relationer',
      title: { da: 'Relationer (A vurderer B)', en: 'Ties (A rates B)' },
      header: tieHeader,
      rows: result.waves.flatMap((w) => w.ties.map((t) => tieRow(w.wave, t))),
    },
    {
      name: 'egne_enheder',
      title: { da: 'Samarbejde i egen enhed', en: 'Self-ties (within a unit)' },
      header: tieHeader,
      rows: result.waves.flatMap((w) => w.selfTies.map((t) => tieRow(w.wave, t))),
    },
    {
      name: 'enheder',
      title: {
        da: 'Enheder: vurderer andre (ud) og vurderes (ind)',
        en: 'Units: rating others (out) and rated (in)',
      },
      header: ['runde', 'enhed', 'ud_score', 'ud_n', 'ind_score', 'ind_n'],
      rows: result.waves.flatMap((w) =>
        w.units.map((u) => [w.wave, u.unit, u.outScore, u.outN, u.inScore, u.inN]),
      ),
    },
    {
      name: 'netvaerk',
      title: { da: 'Netværket', en: 'The network' },
      header: ['runde', 'score', 'n', 'svageste_dimension', ...DIMENSION_HEADERS],
      rows: result.waves.map((w) => [
        w.wave,
        w.network.score,
        w.network.n,
        w.network.weakestDimension,
        ...RK_ITEMS.map((k) => w.network.dimensions[k]),
      ]),
    },
    {
      name: 'asymmetri',
      title: { da: 'Asymmetri: A→B mod B→A', en: 'Asymmetry: A→B against B→A' },
      header: ['runde', 'a', 'b', 'a_til_b', 'b_til_a', 'forskel'],
      rows: result.waves.flatMap((w) =>
        w.asymmetry.map((a) => [w.wave, a.a, a.b, a.ab, a.ba, a.gap]),
      ),
    },
    {
      name: 'ledere_medarbejdere',
      title: { da: 'Ledere mod medarbejdere (Welch)', en: 'Leaders against employees (Welch)' },
      header: ['runde', ...comparisonHeader],
      rows: result.waves.map((w) => [w.wave, ...comparisonRow(w.roles.comparison)]),
    },
    {
      name: 'reliabilitet',
      title: { da: 'Cronbachs alpha', en: "Cronbach's alpha" },
      header: ['runde', 'skala', 'alpha', 'rækker', 'k'],
      rows: result.waves.flatMap((w) =>
        (['rk', 'ledelse', 'borger'] as const).map((scale) => [
          w.wave,
          scale,
          w.reliability[scale].alpha,
          w.reliability[scale].rows,
          w.reliability[scale].k,
        ]),
      ),
    },
    {
      name: 'ledelse',
      title: { da: 'Ledelse og relationel kapacitet', en: 'Leadership and relational capacity' },
      header: ['runde', 'hældning', 'skæring', 'r', 'p', 'n', 'elasticitet'],
      rows: result.waves.map((w) => [
        w.wave,
        w.leadership.slope,
        w.leadership.intercept,
        w.leadership.r,
        w.leadership.p,
        w.leadership.n,
        w.leadership.elasticity,
      ]),
    },
  ];
  if (result.comparison) {
    tables.push({
      name: 'foer_efter',
      title: { da: 'Før og efter (Welch)', en: 'Before and after (Welch)' },
      header: comparisonHeader,
      rows: [comparisonRow(result.comparison)],
    });
  }
  if (result.did) {
    const did = result.did;
    tables.push({
      name: 'did',
      title: {
        da: 'Indsats mod kontrol (forskel i forskelle)',
        en: 'Intervention against control (difference in differences)',
      },
      header: ['did', 'se', 'df', 'ci_lav', 'ci_høj', 'p'],
      rows: [[did.did, did.se, did.df, did.ci?.[0] ?? null, did.ci?.[1] ?? null, did.p]],
    });
  }
  return tables;
}
