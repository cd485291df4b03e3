/**
 * An analysis result as named tables (header + rows). Every tabular export (CSV,
 * XLSX, and later the PDF's tables) is built from these, so the figures are the same
 * in every format. Suppressed values stay empty: nothing is shown that the screen hides.
 */
import type { AnalysisResult, TieResult } from '../analysis/analyze.js';
import { RK_DIMENSION_LABELS, RK_ITEMS } from '../analysis/answer.js';
import type { Comparison } from '../analysis/welch.js';
import type { WaveExtras } from '../results/analysis-extras.service.js';

export type Cell = string | number | null;

export interface Table {
  /** Short name, used as sheet name and file name. */
  name: string;
  title: { da: string; en: string };
  header: string[];
  rows: Cell[][];
}

const DIMENSION_HEADERS = RK_ITEMS.map((k) => RK_DIMENSION_LABELS[k].da);

/** The tie levels as the Danish headers name them, so a spreadsheet reads in one language. */
const LEVEL_WORDS: Record<TieResult['level'], string> = {
  high: 'høj',
  medium: 'middel',
  low: 'lav',
  suppressed: 'skjult',
};

const tieRow = (wave: string, tie: TieResult): Cell[] => [
  wave,
  tie.from,
  tie.to,
  tie.n,
  tie.score,
  LEVEL_WORDS[tie.level],
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

/** The tables of the extra comparisons: myndighed/udfører, senders/receivers, the scatter. */
function extraTables(extras: readonly WaveExtras[]): Table[] {
  const tables: Table[] = [
    {
      name: 'myndighed_udfoerer',
      title: {
        da: 'Myndighed mod udfører (Welch)',
        en: 'Authority against service units (Welch)',
      },
      header: ['runde', ...comparisonHeader],
      rows: extras.map((w) => [w.wave, ...comparisonRow(w.kinds.comparison)]),
    },
  ];
  const withFlows = extras.filter((w) => w.flows !== null);
  if (withFlows.length > 0) {
    tables.push(
      {
        name: 'afsendere_modtagere',
        title: { da: 'Afsendere mod modtagere (Welch)', en: 'Senders against receivers (Welch)' },
        header: ['runde', ...comparisonHeader],
        rows: withFlows.flatMap((w) => [
          [w.wave, ...comparisonRow(w.flows!.comparison)],
          [w.wave, ...comparisonRow(w.handOn!.comparison)],
        ]),
      },
      {
        name: 'overlevering',
        title: {
          da: 'Afsender → modtager mod modtager → afsender',
          en: 'Sender → receiver against receiver → sender',
        },
        header: [
          'runde',
          'afsender',
          'modtager',
          'afsender_vurderer',
          'modtager_vurderer',
          'forskel',
        ],
        rows: withFlows.flatMap((w) =>
          w.handOn!.pairs.map((p) => [
            w.wave,
            p.sender,
            p.receiver,
            p.senderRates,
            p.receiverRates,
            p.gap,
          ]),
        ),
      },
    );
  }
  const points = extras.flatMap((w) =>
    (w.leadership.points ?? []).map((p): Cell[] => [w.wave, p.leadership, p.score]),
  );
  if (points.length > 0) {
    tables.push({
      name: 'ledelse_punkter',
      title: {
        da: 'Ledelse og relationel kapacitet pr. besvarelse (afrundet til 0,1)',
        en: 'Leadership and relational capacity per respondent (rounded to 0.1)',
      },
      header: ['runde', 'ledelse', 'relationel_kapacitet'],
      rows: points,
    });
  }
  return tables;
}

/** All tables of an analysis (and its extra comparisons, when given), in report order. */
export function reportTables(result: AnalysisResult, extras: readonly WaveExtras[] = []): Table[] {
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
  if (extras.length > 0) tables.push(...extraTables(extras));
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
