/** The texts of survey invitations and reminders (Danish first, English below). */
import type { Measurement } from '../db/tables/measurement.table.js';

const closing = (m: Pick<Measurement, 'closes_at'>) =>
  m.closes_at
    ? {
        da: `Undersøgelsen lukker ${m.closes_at.toLocaleDateString('da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' })}.`,
        en: `The survey closes on ${m.closes_at.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' })}.`,
      }
    : { da: '', en: '' };

export function invitationMail(
  m: Pick<Measurement, 'title' | 'focal_process' | 'closes_at'>,
  name: string,
  link: string,
) {
  const close = closing(m);
  return {
    subject: `Invitation: ${m.title} / Survey invitation`,
    text: [
      `Kære ${name}`,
      '',
      `Du er inviteret til at svare på en kort undersøgelse om samarbejdet omkring ${m.focal_process}.`,
      'Dine svar er fortrolige: ingen kan se, hvad du har svaret, og resultater vises kun for grupper med nok besvarelser.',
      close.da,
      '',
      `Dit personlige link (del det ikke): ${link}`,
      '',
      'Du kan stoppe undervejs og fortsætte senere med det samme link.',
      '',
      '---',
      '',
      `Dear ${name}, you are invited to answer a short survey about collaboration around ${m.focal_process}.`,
      'Your answers are confidential and only shown for groups with enough respondents.',
      close.en,
      `Your personal link (do not share it): ${link}`,
    ]
      .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
      .join('\n'),
  };
}

export function reminderMail(
  m: Pick<Measurement, 'title' | 'focal_process' | 'closes_at'>,
  name: string,
  link: string,
) {
  const close = closing(m);
  return {
    subject: `Påmindelse: ${m.title} / Reminder`,
    text: [
      `Kære ${name}`,
      '',
      `En venlig påmindelse om undersøgelsen om samarbejdet omkring ${m.focal_process}. Dine svar er gemt, så du kan fortsætte, hvor du slap.`,
      close.da,
      '',
      `Dit personlige link: ${link}`,
      '',
      '---',
      '',
      `Dear ${name}, a friendly reminder about the survey on collaboration around ${m.focal_process}. Your answers so far are saved.`,
      close.en,
      `Your personal link: ${link}`,
    ].join('\n'),
  };
}
