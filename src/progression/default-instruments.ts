/**
 * The two progression instruments Samspil ships, written for this product in plain
 * Danish: short, positive, skippable items that work for someone who is ill as well as
 * someone near a job (DOMAIN.md §4: the old instruments were long, negative and "for the
 * system's sake"). Each municipality gets its own editable copy on first use.
 */
import type { InstrumentGroup } from '../../contract/progression.js';
import type { InstrumentItem } from '../../contract/progression.schema.js';

export interface DefaultInstrument {
  key: string;
  name: string;
  targetGroup: InstrumentGroup;
  description: string;
  items: InstrumentItem[];
}

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
];
