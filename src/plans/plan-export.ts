/**
 * The plan as a document: the whole plan for the citizen (e.g. for Digital Post) or one
 * law area's actions for the case system where formal decisions are kept. One list of
 * lines serves both the text and the PDF, so the two never disagree. Free text is
 * written as text: nothing is interpreted as HTML or markup.
 */
import { COORDINATOR_ROLE_TITLES, type CoordinatorRole } from '../../contract/courses.js';
import type { Party } from '../../contract/courses.schema.js';
import { COORDINATOR_RESPONSIBLE, lawTitle, type Law } from '../../contract/plans.js';
import type { Plan } from '../../contract/plans.schema.js';
import { createPdf, FONTS } from '../reports/pdf-document.js';

export interface PlanDocumentInput {
  members: { id: string; name: string; relation: string }[];
  parties: Party[];
  coordinator: { name: string; email: string; unitName: string; role: CoordinatorRole } | null;
  plan: Plan;
  version: number;
  changedAt: Date;
  changedBy: string;
  /** Only this law area's actions (an extract), or the whole plan. */
  law: Law | null;
  /** Tests turn compression off to read the text back. */
  compress?: boolean;
}

type Style = 'title' | 'heading' | 'subheading' | 'label' | 'text';
export interface Line {
  style: Style;
  text: string;
}

const STATUS: Record<string, string> = {
  planlagt: 'Planlagt',
  'i-gang': 'I gang',
  afsluttet: 'Afsluttet',
  opgivet: 'Opgivet',
};

/** The document as styled lines, in reading order. */
export function planLines(input: PlanDocumentInput): Line[] {
  const lines: Line[] = [];
  const add = (style: Style, text: string) => lines.push({ style, text });
  add('title', input.law ? `Uddrag af planen: ${lawTitle(input.law)}` : 'Min plan');
  add(
    'text',
    `Version ${input.version}, ændret ${input.changedAt.toISOString().slice(0, 10)} af ${input.changedBy}.`,
  );
  if (input.coordinator) {
    const c = input.coordinator;
    add('label', 'Koordinator');
    add('text', `${c.name} (${COORDINATOR_ROLE_TITLES[c.role]}), ${c.unitName}, ${c.email}`);
  }
  const parties = new Map(input.parties.map((p) => [p.id, p]));
  const names = new Map(input.members.map((m) => [m.id, m]));
  /** The responsible with their contact: a party, the coordinator or a member of the course. */
  const responsible = (id: string) => {
    const party = parties.get(id);
    const c = input.coordinator;
    const [name, contact] = party
      ? [party.name, [party.phone, party.email].filter(Boolean).join(', ')]
      : id === COORDINATOR_RESPONSIBLE && c
        ? [`${c.name} (koordinerende sagsbehandler)`, c.email]
        : [names.get(id)?.name ?? '–', ''];
    return `${name}${contact ? ` (${contact})` : ''}`;
  };
  for (const part of input.plan.parts) {
    const goals = part.subGoals
      .map((g) => ({ ...g, actions: g.actions.filter((a) => !input.law || a.law === input.law) }))
      .filter((g) => !input.law || g.actions.length > 0);
    if (input.law && goals.length === 0) continue;
    const member = names.get(part.memberId);
    add('heading', member ? `${member.name} (${member.relation})` : 'Delplan');
    if (!input.law) {
      add('label', 'Drømme og ønsker');
      add('text', part.dreams || '–');
    }
    add('label', 'Overordnet mål');
    add('text', part.goal || '–');
    for (const [i, goal] of goals.entries()) {
      add('subheading', `Delmål ${i + 1}: ${goal.text}`);
      for (const action of goal.actions) {
        add('label', `Indsats: ${action.text}`);
        add('text', `Ansvarlig: ${responsible(action.responsiblePartyId)}`);
        add(
          'text',
          `Lovgrundlag: ${lawTitle(action.law)}${action.paragraph ? ` ${action.paragraph}` : ''}`,
        );
        add('text', `Periode: ${action.start ?? '–'} – ${action.end ?? '–'}`);
        add(
          'text',
          `Status: ${STATUS[action.status] ?? action.status}${action.statusReason ? ` (${action.statusReason})` : ''}`,
        );
      }
    }
  }
  if (lines.filter((l) => l.style === 'heading').length === 0) add('text', 'Ingen indsatser.');
  return lines;
}

/** The plan as plain UTF-8 text. */
export function renderPlanText(input: PlanDocumentInput): string {
  return (
    planLines(input)
      .map((line) => {
        switch (line.style) {
          case 'title':
            return `${line.text}\n${'='.repeat(line.text.length)}`;
          case 'heading':
            return `\n${line.text}\n${'-'.repeat(line.text.length)}`;
          case 'subheading':
            return `\n${line.text}`;
          case 'label':
            return `${line.text}:`;
          case 'text':
            return `  ${line.text}`;
        }
      })
      .join('\n') + '\n'
  );
}

/** The plan as a PDF (A4, DejaVu Sans); resolves to the bytes. */
export function renderPlanPdf(input: PlanDocumentInput): Promise<Buffer> {
  return renderLinesPdf(
    planLines(input),
    input.law ? `Uddrag af planen: ${lawTitle(input.law)}` : 'Min plan',
    input.compress,
  );
}

/** Styled lines as a PDF (A4, DejaVu Sans); also used for access requests. */
export async function renderLinesPdf(
  lines: Line[],
  title: string,
  compress = true,
): Promise<Buffer> {
  const { doc, bytes: done } = await createPdf({
    size: 'A4',
    margin: 50,
    compress,
    info: { Title: title, Author: 'Samspil' },
    lang: 'da-DK',
  });
  for (const line of lines) {
    const text = line.text;
    switch (line.style) {
      case 'title':
        doc.font(FONTS.bold).fontSize(20).fillColor('#1b4965').text(text).moveDown(0.5);
        break;
      case 'heading':
        doc.moveDown(0.8).font(FONTS.bold).fontSize(15).fillColor('#111').text(text);
        break;
      case 'subheading':
        doc.moveDown(0.5).font(FONTS.bold).fontSize(12).fillColor('#111').text(text);
        break;
      case 'label':
        doc.moveDown(0.3).font(FONTS.bold).fontSize(10).fillColor('#333').text(text);
        break;
      case 'text':
        doc.font(FONTS.regular).fontSize(10).fillColor('#111').text(text, { indent: 10 });
        break;
    }
  }
  doc.end();
  return done;
}
