/**
 * The default item wording (DOMAIN.md §2.1–2.3), Danish and English. `{xx}` is
 * replaced by the measurement's focal work process. A measurement copies these at
 * creation and may edit them until it opens.
 */
import type { ItemTexts } from '../db/tables/measurement.table.js';

export { CITIZEN_ITEMS, LEADERSHIP_ITEMS, RK_ITEMS } from '../analysis/answer.js';

export const DEFAULT_RK_ITEMS: ItemTexts = {
  videndeling: {
    da: 'Mine kolleger i disse grupper er med til at sikre et højt gensidigt informationsniveau omkring {xx}.',
    en: 'My colleagues in these groups help ensure a high level of mutual information about {xx}.',
  },
  kendskab: {
    da: 'Jeg har et stort kendskab til det arbejde, mine kolleger i disse grupper udfører omkring {xx}.',
    en: 'I know a great deal about the work my colleagues in these groups do regarding {xx}.',
  },
  samarbejde: {
    da: 'Mine kolleger i disse grupper er med til at sikre et godt samarbejde omkring {xx}.',
    en: 'My colleagues in these groups help ensure good collaboration around {xx}.',
  },
  problemloesning: {
    da: 'Mine kolleger i disse grupper tager aktiv del i at finde løsninger på de problemer, der opstår omkring {xx}.',
    en: 'My colleagues in these groups take an active part in solving the problems that arise around {xx}.',
  },
  innovation: {
    da: 'Mine kolleger i disse grupper tager aktivt del i at finde nye muligheder i arbejdet med {xx}.',
    en: 'My colleagues in these groups take an active part in finding new possibilities in the work with {xx}.',
  },
  respekt: {
    da: 'Mine kolleger i disse grupper respekterer mit arbejde med {xx}.',
    en: 'My colleagues in these groups respect my work with {xx}.',
  },
};

/** Our default leadership wording, drafted from DOMAIN.md §2.2 (about one's own leader). */
export const DEFAULT_LEADERSHIP_ITEMS: ItemTexts = {
  ledelse1: {
    da: 'Min leder er synlig og går forrest sammen med lederne af de andre enheder i arbejdet med {xx}.',
    en: 'My leader is visible and leads the way together with the leaders of the other units in the work with {xx}.',
  },
  ledelse2: {
    da: 'Min leder kender de andre enheders arbejde og ser helheden omkring {xx}.',
    en: 'My leader knows the other units’ work and sees the whole picture around {xx}.',
  },
  ledelse3: {
    da: 'Min leder fjerner effektivt det, der står i vejen for vores samarbejde med andre enheder.',
    en: 'My leader effectively removes what stands in the way of our collaboration with other units.',
  },
  ledelse4: {
    da: 'Min leder giver en klar retning for de opgaver, vi løser sammen med andre omkring {xx}.',
    en: 'My leader gives clear direction for the tasks we solve together with others around {xx}.',
  },
  ledelse5: {
    da: 'Min leder inddrager os i at forme løsningerne, så arbejdet giver mening.',
    en: 'My leader involves us in shaping the solutions, so the work makes sense.',
  },
  ledelse6: {
    da: 'Min leder anerkender vores bidrag og gør de gode eksempler på samarbejde på tværs synlige.',
    en: 'My leader recognises our contributions and makes good examples of cross-unit collaboration visible.',
  },
  ledelse7: {
    da: 'Min leder prioriterer samarbejdet på tværs af enheder i hverdagen.',
    en: 'My leader gives collaboration across units priority in everyday work.',
  },
};

/** Citizen-experienced coherence (DOMAIN.md §2.3), in plain language. */
export const DEFAULT_CITIZEN_ITEMS: ItemTexts = {
  borger1: {
    da: 'De fagfolk, jeg møder, arbejder godt sammen om at hjælpe mig.',
    en: 'The professionals I meet work well together to help me.',
  },
  borger2: {
    da: 'Jeg får den information, jeg har brug for, uden at skulle jagte den.',
    en: 'I get the information I need without having to chase it.',
  },
  borger3: {
    da: 'Jeg bliver spurgt, og det, jeg ønsker, er med til at bestemme, hvad der sker.',
    en: 'I am asked, and what I want helps decide what happens.',
  },
  borger4: {
    da: 'Jeg skal ikke fortælle min historie forfra, hver gang jeg møder en ny.',
    en: 'I do not have to tell my story again every time I meet someone new.',
  },
  borger5: {
    da: 'Jeg bliver mødt med respekt, og de ringer tilbage, når de har lovet det.',
    en: 'I am met with respect, and they call back when they have promised to.',
  },
};

/** The answer scale labels, 1–5, and "ved ikke". */
export const SCALE_LABELS = {
  da: ['Helt uenig', 'Uenig', 'Hverken enig eller uenig', 'Enig', 'Meget enig'],
  en: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  dontKnow: { da: 'Ved ikke', en: "Don't know" },
} as const;

/** Insert the focal work process into an item text. */
export function itemText(template: string, focalProcess: string): string {
  return template.replaceAll('{xx}', focalProcess);
}

/**
 * The default wording for a measurement whose groups are professions: "kolleger i
 * disse faggrupper" where the unit wording says "kolleger i disse grupper".
 */
export function professionWording(items: ItemTexts): ItemTexts {
  return Object.fromEntries(
    Object.entries(items).map(([key, text]) => [
      key,
      {
        da: text.da.replaceAll('i disse grupper', 'i disse faggrupper'),
        en: text.en.replaceAll('in these groups', 'in these professions'),
      },
    ]),
  );
}

/**
 * Whether a measurement still asks a leadership item in Samspil's own default wording (not
 * the research's, which is not in our material), so the survey can say so.
 */
export function asksSamspilLeadershipWording(items: ItemTexts): boolean {
  return Object.entries(DEFAULT_LEADERSHIP_ITEMS).some(([key, text]) => items[key]?.da === text.da);
}
