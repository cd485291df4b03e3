import { describe, expect, it } from 'vitest';
import { planLines, renderPlanPdf, renderPlanText, type PlanDocumentInput } from './plan-export.js';
import { pdfText } from '../../test/helpers/pdf-text.js';

const HTML = '<b>fed</b> & <script>x()</script>';
const M = '00000000-0000-4000-8000-000000000001';
const P = '00000000-0000-4000-8000-0000000000c1';

const input = (law: PlanDocumentInput['law'] = null): PlanDocumentInput => ({
  members: [{ id: M, name: 'Bo Borger', relation: 'borger' }],
  parties: [
    {
      id: P,
      kind: 'unit',
      unitId: null,
      personId: null,
      externalType: null,
      relation: null,
      name: 'Misbrugscenter',
      unitKind: 'udfører',
      phone: '12 34 56 78',
      email: null,
      task: 'Behandling',
      responseTime: '1 dag',
    },
  ],
  coordinator: {
    name: 'Sara',
    email: 'sara@kommune.dk',
    unitName: 'Socialafdelingen',
    role: 'makker',
  },
  plan: {
    parts: [
      {
        memberId: M,
        dreams: HTML,
        goal: 'Stabil hverdag',
        subGoals: [
          {
            id: '00000000-0000-4000-8000-0000000000a1',
            text: 'Behandling',
            actions: [
              {
                id: '00000000-0000-4000-8000-0000000000b1',
                text: 'Ambulant behandling',
                responsiblePartyId: P,
                law: 'serviceloven',
                paragraph: '§ 101',
                start: '2026-12-01',
                end: '2027-03-01',
                status: 'i-gang',
              },
              {
                id: '00000000-0000-4000-8000-0000000000b2',
                text: 'Praktik',
                responsiblePartyId: P,
                law: 'LAB',
                status: 'planlagt',
              },
            ],
          },
        ],
      },
    ],
  },
  version: 3,
  changedAt: new Date('2026-11-20T10:00:00Z'),
  changedBy: 'Sara',
  law,
  compress: false,
});

describe('plan export', () => {
  it('writes the whole plan as text, free text verbatim', () => {
    const text = renderPlanText(input());
    expect(text).toContain(HTML);
    expect(text).toContain('Ansvarlig: Misbrugscenter (12 34 56 78)');
    expect(text).toContain('Lovgrundlag: Serviceloven § 101');
    expect(text).toContain('Periode: – – –');
  });

  it('keeps only one law area in an extract, without the dreams', () => {
    const lines = planLines(input('LAB')).map((l) => l.text);
    expect(lines).toContain('Indsats: Praktik');
    expect(lines).not.toContain('Indsats: Ambulant behandling');
    expect(lines.join('\n')).not.toContain(HTML);
    expect(planLines(input('dagtilbudsloven')).map((l) => l.text)).toContain('Ingen indsatser.');
  });

  it('draws HTML as literal text in the PDF', async () => {
    const pdf = await renderPlanPdf(input());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('<b>fed</b> & <script>x()</script>');
    expect(text).toContain('Min plan');
  });
});
