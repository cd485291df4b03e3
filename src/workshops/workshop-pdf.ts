/**
 * A workshop on paper: its actors, the ratings matrix (row = from whose place, column =
 * towards whom), where perspectives differ, and the development points, in the Unicode
 * fonts of `pdf-document.ts` (so "•" and "↔" print).
 */
import type { WorkshopState } from './workshop.service.js';
import { createPdf, FONTS } from '../reports/pdf-document.js';

export type Language = 'da' | 'en';

const TEXT = {
  da: {
    workshop: 'Dialogworkshop',
    target: 'Målgruppe',
    actors: '1. Aktører',
    ratings: '2. Relationer set fra hver aktørs sted',
    ratingsNote:
      'Rækken er den aktør, I satte jer i stedet for; kolonnen er relationen til den anden.',
    differences: 'Hvor perspektiverne er forskellige',
    noDifferences: 'Ingen forskelle mellem de to sider af en relation.',
    points: '3. Udviklingspunkter',
    noPoints: 'Ingen udviklingspunkter endnu.',
    owner: 'Ansvarlig',
    due: 'Dato',
    done: 'udført',
    sees: 'ser relationen til',
    as: 'som',
    while: 'mens',
    rating: { good: 'god', middle: 'middel', low: 'lav' },
  },
  en: {
    workshop: 'Dialogue workshop',
    target: 'Target group',
    actors: '1. Actors',
    ratings: "2. Ties seen from each actor's place",
    ratingsNote: 'The row is the actor whose place you took; the column is the tie to the other.',
    differences: 'Where perspectives differ',
    noDifferences: 'No differences between the two sides of a tie.',
    points: '3. Development points',
    noPoints: 'No development points yet.',
    owner: 'Owner',
    due: 'Date',
    done: 'done',
    sees: 'sees the tie to',
    as: 'as',
    while: 'while',
    rating: { good: 'good', middle: 'middle', low: 'low' },
  },
} as const;

const COLOURS = { good: '#2e7d32', middle: '#f2c94c', low: '#c62828' } as const;

/** Render the workshop as a PDF. */
export async function renderWorkshopPdf(
  state: WorkshopState,
  language: Language,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const t = TEXT[language];
  const { doc, bytes: done } = await createPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 40,
    compress: options.compress ?? true,
    info: { Title: `${t.workshop}: ${state.title}`, Author: 'Samspil' },
    lang: language === 'da' ? 'da-DK' : 'en-GB',
  });
  const name = new Map(state.actors.map((a) => [a.id, a.label]));
  const heading = (text: string) => {
    if (doc.y > 480) doc.addPage();
    doc.moveDown(0.8).font(FONTS.bold).fontSize(14).fillColor('#1b4965');
    doc.text(text, 40);
    doc.font(FONTS.regular).fontSize(10).fillColor('#111');
  };

  doc.font(FONTS.bold).fontSize(20).fillColor('#1b4965');
  doc.text(`${t.workshop}: ${state.title}`, 40, 40);
  doc.font(FONTS.regular).fontSize(11).fillColor('#111');
  doc.text(`${t.target}: ${state.targetGroup}`);
  doc.text(new Date().toLocaleDateString(language === 'da' ? 'da-DK' : 'en-GB'));

  heading(t.actors);
  doc.text(state.actors.map((a) => a.label).join(', ') || '–');

  heading(t.ratings);
  doc.fontSize(8).fillColor('#444').text(t.ratingsNote).fillColor('#111');
  const ratings = new Map(state.ratings.map((r) => [`${r.fromActorId}>${r.toActorId}`, r.rating]));
  const firstCol = 150;
  const col = Math.min(80, (760 - firstCol) / Math.max(1, state.actors.length));
  let y = doc.y + 6;
  doc.fontSize(8);
  state.actors.forEach((a, i) => {
    doc.text(a.label, 40 + firstCol + i * col, y, { width: col - 4, height: 20 });
  });
  y += 24;
  for (const from of state.actors) {
    if (y > 540) {
      doc.addPage();
      y = 40;
    }
    doc.fillColor('#111').text(from.label, 40, y + 3, { width: firstCol - 6 });
    state.actors.forEach((to, i) => {
      const x = 40 + firstCol + i * col;
      const rating = from.id === to.id ? undefined : ratings.get(`${from.id}>${to.id}`);
      if (rating) {
        doc.rect(x, y, col - 4, 16).fill(COLOURS[rating]);
        doc.fillColor(rating === 'middle' ? '#111' : '#fff').text(t.rating[rating], x + 4, y + 4);
      } else {
        doc.rect(x, y, col - 4, 16).stroke('#ccc');
        doc.fillColor('#888').text(from.id === to.id ? '' : '–', x + 4, y + 4);
      }
    });
    y += 20;
  }
  doc.y = y;
  doc.fontSize(10).fillColor('#111');

  heading(t.differences);
  if (state.differences.length === 0) doc.text(t.noDifferences);
  for (const d of state.differences) {
    doc.text(
      `• ${name.get(d.a)} ${t.sees} ${name.get(d.b)} ${t.as} ${t.rating[d.ab]}, ${t.while} ${name.get(d.b)} ${t.sees} ${name.get(d.a)} ${t.as} ${t.rating[d.ba]}.`,
    );
  }

  heading(t.points);
  if (state.points.length === 0) doc.text(t.noPoints);
  for (const p of state.points) {
    doc.text(
      `• ${p.text} (${t.owner}: ${p.owner}${p.dueOn ? `; ${t.due}: ${p.dueOn}` : ''}${p.done ? `; ${t.done}` : ''})`,
    );
  }
  doc.end();
  return done;
}
