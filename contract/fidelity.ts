/**
 * The Én plan fidelity checklist (DOMAIN.md, "How the Én plan trial measured itself"):
 * nine questions, two or three per core element, answered by the course's coordinating
 * caseworker 6 months after the start, every 6 months after and at closure. The wording
 * is Samspil's own. No zod; docs/fidelity.md explains the scoring.
 */

/** The four core elements of Én plan, in the order the checklist asks about them. */
export const FIDELITY_ELEMENTS = ['plan', 'indgange', 'progression', 'maal'] as const;
export type FidelityElement = (typeof FIDELITY_ELEMENTS)[number];

/** An answer: yes, partly, no, or don't know (which is never scored). */
export const FIDELITY_ANSWERS = ['ja', 'delvist', 'nej', 'ved-ikke'] as const;
export type FidelityAnswer = (typeof FIDELITY_ANSWERS)[number];

/** The score of each answer; "ved ikke" has none and is left out of every mean. */
export const FIDELITY_SCORES: Record<Exclude<FidelityAnswer, 'ved-ikke'>, number> = {
  ja: 1,
  delvist: 0.5,
  nej: 0,
};

/** Months between checklists (the first comes this long after the start). */
export const FIDELITY_INTERVAL_MONTHS = 6;

/** Whether a course's checklist of one occasion is started (a draft) or submitted. */
export const FIDELITY_STATUSES = ['draft', 'submitted'] as const;
export type FidelityStatus = (typeof FIDELITY_STATUSES)[number];

/** A text in Danish and English. */
interface Text {
  da: string;
  en: string;
}

/** The core elements' names. */
export const FIDELITY_ELEMENT_LABELS: Record<FidelityElement, Text> = {
  plan: { da: 'Én samlet plan på tværs af lovområder', en: 'One plan across law areas' },
  indgange: {
    da: 'Færre indgange og én koordinerende sagsbehandler',
    en: 'Fewer entrances and one coordinating caseworker',
  },
  progression: {
    da: 'Progression målt ved start, hvert halve år og ved afslutning',
    en: 'Progression measured at the start, every six months and at closure',
  },
  maal: {
    da: 'Mål, der går på tværs af lovområder',
    en: 'Goals integrated across law areas',
  },
};

/** One question of the checklist. */
export interface FidelityQuestion {
  id: string;
  element: FidelityElement;
  text: Text;
}

/** The nine questions (Samspil's own wording), grouped by core element. */
export const FIDELITY_QUESTIONS: readonly FidelityQuestion[] = [
  {
    id: 'plan-samlet',
    element: 'plan',
    text: {
      da: 'Står alle borgerens indsatser, på tværs af lovområder, i én samlet plan?',
      en: "Are all of the citizen's interventions, across law areas, in one plan?",
    },
  },
  {
    id: 'plan-borger',
    element: 'plan',
    text: {
      da: 'Er planen lavet eller justeret sammen med borgeren i det seneste halve år?',
      en: 'Has the plan been made or adjusted together with the citizen in the last six months?',
    },
  },
  {
    id: 'plan-bruges',
    element: 'plan',
    text: {
      da: 'Bruger fagpersonerne omkring borgeren planen som deres fælles udgangspunkt?',
      en: 'Do the professionals around the citizen use the plan as their common starting point?',
    },
  },
  {
    id: 'indgange-kender',
    element: 'indgange',
    text: {
      da: 'Ved borgeren, hvem der er koordinerende sagsbehandler, og hvordan de får fat i mig?',
      en: 'Does the citizen know who the coordinating caseworker is and how to reach me?',
    },
  },
  {
    id: 'indgange-gennem',
    element: 'indgange',
    text: {
      da: 'Går borgerens kontakt med kommunen for det meste gennem mig som koordinator?',
      en: "Does the citizen's contact with the municipality mostly go through me as coordinator?",
    },
  },
  {
    id: 'progression-start',
    element: 'progression',
    text: {
      da: 'Blev borgerens progression målt, da forløbet startede?',
      en: "Was the citizen's progression measured when the course started?",
    },
  },
  {
    id: 'progression-halvaar',
    element: 'progression',
    text: {
      da: 'Er borgerens progression målt i det seneste halve år (eller ved afslutningen)?',
      en: "Has the citizen's progression been measured in the last six months (or at closure)?",
    },
  },
  {
    id: 'maal-faelles',
    element: 'maal',
    text: {
      da: 'Er målene i planen fælles for forvaltningerne, frem for ét mål pr. lovområde?',
      en: 'Are the goals in the plan shared by the departments, rather than one goal per law area?',
    },
  },
  {
    id: 'maal-afstemt',
    element: 'maal',
    text: {
      da: 'Er indsatserne fra de forskellige lovområder afstemt, så de trækker mod de samme mål?',
      en: 'Are the interventions from the different law areas aligned so they pull towards the same goals?',
    },
  },
];

/** The questions' ids, for validating answers. */
export const FIDELITY_QUESTION_IDS = FIDELITY_QUESTIONS.map((q) => q.id);
