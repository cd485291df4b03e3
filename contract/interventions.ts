/**
 * The research's leadership intervention format (DOMAIN.md §3) and its values, shared by
 * server and web: two network meetings of 45–60 minutes about a month apart, facilitated
 * by a leader with a leader colleague present, the checklist of small agreements, and a
 * follow-up measurement 2–4 months later. No zod.
 */

/** Where an intervention stands. */
export const INTERVENTION_STATUSES = ['planned', 'running', 'completed', 'cancelled'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** An agreement made in the network, or a joint decision of the leaders. */
export const AGREEMENT_KINDS = ['agreement', 'decision'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** Meeting length in minutes, inclusive. */
export const MEETING_MINUTES = { min: 45, max: 60 } as const;
/** Days between the meetings that the template suggests ("about a month"). */
export const DAYS_BETWEEN_MEETINGS = 28;
/** The follow-up measurement comes this many months after the last meeting, inclusive. */
export const FOLLOW_UP_MONTHS = { min: 2, max: 4 } as const;

/** The checklist of small agreements, by key. */
export const CHECKLIST_KEYS = [
  'faces',
  'phones',
  'responseTimes',
  'constraints',
  'prioritisation',
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

/** The template as the planning screen shows it, in both languages. */
export const INTERVENTION_TEMPLATE = {
  meetingMinutes: MEETING_MINUTES,
  daysBetweenMeetings: DAYS_BETWEEN_MEETINGS,
  followUpMonths: FOLLOW_UP_MONTHS,
  facilitation: {
    da: 'Faciliteres af en leder med en ledelseskollega til stede.',
    en: 'Facilitated by a leader with a leader colleague present.',
  },
  meetings: [
    {
      number: 1,
      topic: {
        da: 'Gensidigt kendskab til hinandens roller og arbejdsvilkår',
        en: "Mutual knowledge of each other's roles and working conditions",
      },
    },
    {
      number: 2,
      topic: {
        da: 'Fælles forståelse af udfordringerne og fælles problemløsning',
        en: 'A shared understanding of the challenges and joint problem solving',
      },
    },
  ],
  /** The conversation guide of a case intervention, per network meeting (our own wording). */
  caseGuide: [
    {
      number: 1,
      questions: [
        {
          da: 'Hvem er du, og hvad er din opgave for borgeren?',
          en: 'Who are you, and what is your task for the citizen?',
        },
        {
          da: 'Hvad styrer dit arbejde: lov, regler, tid, økonomi? Hvad kan du, og hvad kan du ikke?',
          en: 'What governs your work: law, rules, time, money? What can and can you not do?',
        },
        {
          da: 'Hvordan og hvor hurtigt kan de andre få fat i dig?',
          en: 'How and how quickly can the others reach you?',
        },
      ],
    },
    {
      number: 2,
      questions: [
        {
          da: 'Hvad er de største udfordringer i samarbejdet om borgeren lige nu?',
          en: 'What are the biggest challenges in working together for the citizen right now?',
        },
        {
          da: 'Hvor gør vi dobbeltarbejde, eller hvor venter borgeren på os?',
          en: 'Where do we duplicate work, or where does the citizen wait for us?',
        },
        {
          da: 'Hvilke små aftaler laver vi nu, og hvem gør hvad inden næste gang?',
          en: 'Which small agreements do we make now, and who does what before next time?',
        },
      ],
    },
  ],
  checklist: [
    { key: 'faces', da: 'Ansigt på hinanden', en: 'A face on each other' },
    { key: 'phones', da: 'Telefonnumre udvekslet', en: 'Phone numbers exchanged' },
    { key: 'responseTimes', da: 'Aftalte svartider', en: 'Agreed response times' },
    {
      key: 'constraints',
      da: 'Forståelse for hinandens rammer og begrænsninger',
      en: "Understanding of each other's constraints",
    },
    {
      key: 'prioritisation',
      da: 'Enkel prioritering, så borgeren ikke presses af dobbeltindsatser',
      en: 'Simple prioritisation so the citizen is not pressed by double efforts',
    },
  ] satisfies { key: ChecklistKey; da: string; en: string }[],
} as const;
