/**
 * The progression instruments Samspil ships, written for this product in plain
 * Danish: short, positive, skippable items that work for someone who is ill as well as
 * someone near a job (DOMAIN.md §4: the old instruments were long, negative and "for the
 * system's sake"). Each municipality gets its own editable copy on first use.
 */
import type { InstrumentGroup, InstrumentStructure } from '../../contract/progression.js';
import type { InstrumentItem, Subscale } from '../../contract/progression.schema.js';

/** One shipped instrument; `key` marks the municipality's copy so it is seeded once. */
export interface DefaultInstrument {
  key: string;
  name: string;
  targetGroup: InstrumentGroup;
  description: string;
  items: InstrumentItem[];
  structure?: InstrumentStructure;
  subscales?: Subscale[];
}

/** The answer options of the per-child questionnaire, scored 0, 1 and 2. */
export const FIT_OPTIONS = [
  { label: 'Passer ikke', score: 0 },
  { label: 'Passer delvist', score: 1 },
  { label: 'Passer godt', score: 2 },
];
const fits = { kind: 'options' as const, options: FIT_OPTIONS };
const zeroToTen = { kind: 'scale-0-10' as const, low: 'Slet ikke', high: 'Helt' };

const oneToFive = { kind: 'scale-1-5' as const, low: 'Slet ikke', high: 'Rigtig godt' };

export const DEFAULT_INSTRUMENTS: DefaultInstrument[] = [
  {
    key: 'voksne-arbejdsmarked',
    name: 'Sådan går det (voksne)',
    targetGroup: 'voksne',
    description:
      'Til voksne tæt på arbejdsmarkedet. Syv korte spørgsmål. Spring over, hvad du vil.',
    items: [
      { id: 'trivsel', text: 'Hvordan har du det for tiden?', ...oneToFive },
      { id: 'soevn', text: 'Hvor godt sover du?', ...oneToFive },
      { id: 'hverdag', text: 'Hvor godt klarer du din hverdag?', ...oneToFive },
      { id: 'netvaerk', text: 'Har du nogen at tale med, når det er svært?', kind: 'yes-no' },
      {
        id: 'arbejde',
        text: 'Hvor tæt er du på et job eller en uddannelse?',
        kind: 'scale-0-10',
        low: 'Langt fra',
        high: 'Helt tæt på',
      },
      { id: 'plan', text: 'Passer planen til det, du selv ønsker?', ...oneToFive },
      { id: 'ord', text: 'Er der noget, du vil sige til os?', kind: 'text' },
    ],
  },
  {
    key: 'unge',
    name: 'Sådan går det (unge)',
    targetGroup: 'unge-15-30',
    description: 'Til unge mellem 15 og 30. Seks korte spørgsmål. Spring over, hvad du vil.',
    items: [
      { id: 'trivsel', text: 'Hvordan har du det lige nu?', ...oneToFive },
      { id: 'skole', text: 'Hvordan går det med skole, uddannelse eller job?', ...oneToFive },
      { id: 'voksen', text: 'Har du en voksen, du kan tale med?', kind: 'yes-no' },
      { id: 'bestemme', text: 'Hvor meget bestemmer du selv i din plan?', ...oneToFive },
      {
        id: 'droem',
        text: 'Hvor tæt er du på det, du drømmer om?',
        kind: 'scale-0-10',
        low: 'Langt fra',
        high: 'Helt tæt på',
      },
      { id: 'ord', text: 'Hvad skal vi vide?', kind: 'text' },
    ],
  },
  {
    key: 'indikatorer',
    name: 'Skridt mod job og uddannelse (borger og sagsbehandler)',
    targetGroup: 'alle',
    structure: 'indicators',
    description:
      'Borgeren og sagsbehandleren vurderer hver for sig de samme seks indikatorer, så I kan se jeres svar side om side. 1 = slet ikke, 5 = rigtig godt.',
    items: [
      { id: 'helbred', text: 'Helbredet giver plads til job eller uddannelse.', ...oneToFive },
      { id: 'hverdag', text: 'Hverdagen hænger sammen (søvn, bolig, økonomi).', ...oneToFive },
      { id: 'tro', text: 'Borgeren tror på, at det kan lykkes.', ...oneToFive },
      { id: 'kunnen', text: 'Borgeren har de faglige evner, der skal til.', ...oneToFive },
      { id: 'soege', text: 'Borgeren ved, hvordan man søger job eller uddannelse.', ...oneToFive },
      { id: 'netvaerk', text: 'Borgeren har nogen, der bakker op.', ...oneToFive },
    ],
    subscales: [
      {
        id: 'personlige',
        name: 'Personlige forhold',
        method: 'mean',
        items: ['helbred', 'hverdag', 'tro', 'netvaerk'],
      },
      {
        id: 'arbejdsmarked',
        name: 'Tæt på arbejdsmarkedet',
        method: 'mean',
        items: ['kunnen', 'soege'],
      },
    ],
  },
  {
    key: 'barn-trivsel',
    name: 'Sådan har barnet det (ét skema pr. barn)',
    targetGroup: 'familier',
    structure: 'per-child',
    description:
      'Et skema for hvert barn i familien. Forælderen og sagsbehandleren svarer hver for sig: passer ikke, passer delvist eller passer godt.',
    items: [
      { id: 'glad', text: 'Barnet virker glad det meste af tiden.', ...fits },
      { id: 'sove', text: 'Barnet sover og spiser godt.', ...fits },
      { id: 'ro', text: 'Barnet kan falde til ro, når noget er svært.', ...fits },
      { id: 'venner', text: 'Barnet har mindst én god ven.', ...fits },
      { id: 'lege', text: 'Barnet er med i leg eller fritidsaktiviteter.', ...fits },
      { id: 'moede', text: 'Barnet kommer i skole eller dagtilbud.', ...fits },
      { id: 'laere', text: 'Barnet lærer og udvikler sig, som det skal.', ...fits },
      { id: 'voksen', text: 'Barnet har en voksen at gå til i skole eller dagtilbud.', ...fits },
    ],
    subscales: [
      { id: 'trivsel', name: 'Trivsel', method: 'sum', items: ['glad', 'sove', 'ro'] },
      { id: 'faellesskab', name: 'Venner og fællesskab', method: 'sum', items: ['venner', 'lege'] },
      {
        id: 'skole',
        name: 'Skole og dagtilbud',
        method: 'sum',
        items: ['moede', 'laere', 'voksen'],
      },
    ],
  },
  {
    key: 'samtale',
    name: 'Sådan var samtalen',
    targetGroup: 'alle',
    structure: 'session',
    description: 'Fire hurtige spørgsmål efter en samtale. 0 = slet ikke, 10 = helt.',
    items: [
      { id: 'hoert', text: 'Jeg følte mig hørt og forstået.', ...zeroToTen },
      { id: 'vigtigt', text: 'Vi talte om det, der er vigtigt for mig.', ...zeroToTen },
      { id: 'maade', text: 'Måden, vi arbejdede på, passede til mig.', ...zeroToTen },
      { id: 'samlet', text: 'Samlet set var samtalen god for mig.', ...zeroToTen },
      { id: 'ord', text: 'Vil du sige noget om samtalen?', kind: 'text' },
    ],
    subscales: [
      {
        id: 'samtale',
        name: 'Samtalen i alt (0–40)',
        method: 'sum',
        items: ['hoert', 'vigtigt', 'maade', 'samlet'],
      },
    ],
  },
];
