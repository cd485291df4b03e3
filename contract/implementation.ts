/**
 * Implementation surveys of staff (docs/implementation.md): the evaluation's answer scales
 * and Samspil's own default item set on Én plan's four core elements. Plain values, no zod,
 * shared by the server, the analyst's pages and the light survey page.
 */
import { FIDELITY_ELEMENTS, type FidelityElement } from './fidelity.js';

export { FIDELITY_ELEMENTS as IMPLEMENTATION_ELEMENTS };
/** A core element of Én plan, the same four the fidelity checklist asks about. */
export type ImplementationElement = FidelityElement;

/** The evaluation's two answer scales: agreement, and degree. */
export const IMPLEMENTATION_SCALES = ['enig', 'grad'] as const;
/** An answer scale of an implementation item. */
export type ImplementationScale = (typeof IMPLEMENTATION_SCALES)[number];

/** A text in Danish and English. */
export interface ImplementationText {
  da: string;
  en: string;
}

/**
 * The labels of each scale's scores, from 5 (Meget enig / I meget høj grad) down to 1,
 * in the order the evaluation lists them; "Ved ikke" follows as its own answer.
 */
export const IMPLEMENTATION_SCALE_LABELS: Record<
  ImplementationScale,
  Record<1 | 2 | 3 | 4 | 5, ImplementationText>
> = {
  enig: {
    5: { da: 'Meget enig', en: 'Strongly agree' },
    4: { da: 'Enig', en: 'Agree' },
    3: { da: 'Hverken enig eller uenig', en: 'Neither agree nor disagree' },
    2: { da: 'Uenig', en: 'Disagree' },
    1: { da: 'Meget uenig', en: 'Strongly disagree' },
  },
  grad: {
    5: { da: 'I meget høj grad', en: 'To a very high degree' },
    4: { da: 'I høj grad', en: 'To a high degree' },
    3: { da: 'I nogen grad', en: 'To some degree' },
    2: { da: 'I lav grad', en: 'To a low degree' },
    1: { da: 'I meget lav grad', en: 'To a very low degree' },
  },
};

/** "Ved ikke": an answer of its own, reported with its own percentage. */
export const IMPLEMENTATION_DONT_KNOW: ImplementationText = { da: 'Ved ikke', en: "Don't know" };

/** An answer option as reported and shown: a score 5 … 1, or `'dk'` for "Ved ikke". */
export type ImplementationOption = 5 | 4 | 3 | 2 | 1 | 'dk';
/** The options in the order the evaluation reports them. */
export const IMPLEMENTATION_OPTIONS: readonly ImplementationOption[] = [5, 4, 3, 2, 1, 'dk'];

/** The label of one option on one scale. */
export function optionLabel(scale: ImplementationScale, option: ImplementationOption) {
  return option === 'dk' ? IMPLEMENTATION_DONT_KNOW : IMPLEMENTATION_SCALE_LABELS[scale][option];
}

/** One item of an item set: its key (stored with each answer), element, scale and wording. */
export interface ImplementationItem {
  key: string;
  element: ImplementationElement;
  scale: ImplementationScale;
  da: string;
  en: string;
}

/** An item key: lower-case letters, digits and hyphens, as answers store it (≤ 40). */
export const IMPLEMENTATION_ITEM_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Most items in one set: a survey a person finishes in a few minutes. */
export const MAX_IMPLEMENTATION_ITEMS = 40;

/** The id under which the built-in default set is listed and chosen. */
export const DEFAULT_ITEM_SET_ID = 'standard';

/** The built-in set's name. */
export const DEFAULT_ITEM_SET_NAME = 'Samspils standardsæt: Én plans fire kerneelementer';

/**
 * The default item set: Samspil's own wording (the evaluation's questionnaire is not in
 * our material), two or three items per core element, each on one of the evaluation's scales.
 */
export const DEFAULT_IMPLEMENTATION_ITEMS: readonly ImplementationItem[] = [
  {
    key: 'plan-samlet',
    element: 'plan',
    scale: 'enig',
    da: 'Borgere i Én plan har én samlet plan, som alle fagpersoner omkring dem arbejder ud fra.',
    en: 'Citizens in Én plan have one plan that all the professionals around them work from.',
  },
  {
    key: 'plan-borger',
    element: 'plan',
    scale: 'grad',
    da: 'I hvilken grad er borgeren med til at lave og justere sin egen plan?',
    en: 'To what degree does the citizen take part in making and adjusting their own plan?',
  },
  {
    key: 'plan-adgang',
    element: 'plan',
    scale: 'enig',
    da: 'Jeg kan nemt finde borgerens samlede plan og bruge den i mit arbejde.',
    en: "I can easily find the citizen's plan and use it in my work.",
  },
  {
    key: 'indgange-koordinator',
    element: 'indgange',
    scale: 'enig',
    da: 'Borgerne ved, hvem der er deres koordinerende sagsbehandler.',
    en: 'Citizens know who their coordinating caseworker is.',
  },
  {
    key: 'indgange-faerre',
    element: 'indgange',
    scale: 'grad',
    da: 'I hvilken grad har borgerne i Én plan færre steder at henvende sig i kommunen end før?',
    en: 'To what degree do citizens in Én plan have fewer places to contact in the municipality than before?',
  },
  {
    key: 'indgange-mandat',
    element: 'indgange',
    scale: 'enig',
    da: 'Den koordinerende sagsbehandler kan samle indsatsen, også når andre afdelinger er med.',
    en: 'The coordinating caseworker can bring the work together, also when other departments are involved.',
  },
  {
    key: 'progression-start',
    element: 'progression',
    scale: 'grad',
    da: 'I hvilken grad bliver borgerens progression målt, når forløbet begynder?',
    en: "To what degree is the citizen's progression measured when the course begins?",
  },
  {
    key: 'progression-halvaar',
    element: 'progression',
    scale: 'grad',
    da: 'I hvilken grad bliver progressionen målt igen hvert halve år og når forløbet slutter?',
    en: 'To what degree is progression measured again every six months and when the course ends?',
  },
  {
    key: 'progression-bruges',
    element: 'progression',
    scale: 'enig',
    da: 'Vi bruger målingerne af progression, når vi justerer planen sammen med borgeren.',
    en: 'We use the progression measurements when we adjust the plan together with the citizen.',
  },
  {
    key: 'maal-faelles',
    element: 'maal',
    scale: 'enig',
    da: 'Målene i planen er fælles for alle lovområder, ikke ét mål for hver afdeling.',
    en: 'The goals in the plan are shared across all law areas, not one goal per department.',
  },
  {
    key: 'maal-afstemt',
    element: 'maal',
    scale: 'grad',
    da: 'I hvilken grad trækker indsatserne fra de forskellige lovområder mod de samme mål?',
    en: 'To what degree do the interventions from the different law areas pull towards the same goals?',
  },
];

/** The cuts a report shows: everyone, each unit, each role. */
export const IMPLEMENTATION_CUTS = ['total', 'unit', 'role'] as const;
/** A cut of the respondents. */
export type ImplementationCut = (typeof IMPLEMENTATION_CUTS)[number];
