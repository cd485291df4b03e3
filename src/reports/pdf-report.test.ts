import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze.js';
import type { Answer } from '../analysis/answer.js';
import { RK_ITEMS } from '../analysis/answer.js';
import { collectWaves } from '../analysis/analyze.js';
import {
  compareFlows,
  compareKinds,
  handOnView,
  leadershipScatter,
  respondentPoints,
} from '../analysis/group-comparisons.js';
import { loopOf } from '../../contract/analysis.js';
import { renderPdfReport } from './pdf-report.js';
import { pdfText } from '../../test/helpers/pdf-text.js';

function answers(): Answer[] {
  const units = ['Jobcenter', 'Misbrugscenter', 'Egen læge'];
  const list: Answer[] = [];
  for (const unit of units) {
    for (let r = 0; r < 6; r++) {
      for (const target of units) {
        for (const item of RK_ITEMS) {
          list.push({
            respondent: `${unit}-${r}`,
            unit,
            role: r === 0 ? 'leder' : 'medarbejder',
            target,
            item,
            value: ((r + item.length + target.length) % 5) + 1,
            wave: 'før',
            arm: '',
            case: '',
          });
        }
      }
    }
  }
  return list;
}

describe('renderPdfReport', () => {
  const result = analyze(answers());
  /** The Danish report's heading and language, as a caseworker's measurement gives them. */
  const DANISH = {
    title: 'Dobbeltdiagnoser',
    focalProcess: 'borgere med dobbeltdiagnose',
    municipality: 'Testkommune',
    result,
    language: 'da',
  } as const;

  it('writes a Danish report with the map, the profile, the weakest ties and the method notes', async () => {
    const pdf = await renderPdfReport({
      ...DANISH,
      provisional: true,
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const expected of [
      'Rapport om relationel kapacitet',
      'Foreløbige tal',
      'Relationsoverblikket',
      'Egen læge',
      'Dimensionsprofil',
      'De svageste broer',
      'Metode og anonymitet',
      'Tal for færre end 5 personer vises ikke',
    ]) {
      expect(text).toContain(expected);
    }
    // The verdict on the loop is the one the screen gives, from the same rule.
    const { verdict } = loopOf(result.waves[0]!.network, result.thresholds);
    const words = {
      productive: 'i den produktive spiral',
      unproductive: 'i den uproduktive spiral',
      between: 'mellem den produktive og den uproduktive',
      unknown: 'for få svar til at læse netværket',
    };
    expect(text.replace(/\s+/g, ' ')).toContain(words[verdict]);
    for (const [other, phrase] of Object.entries(words)) {
      if (other !== verdict) expect(text.replace(/\s+/g, ' ')).not.toContain(phrase);
    }
  });

  it('writes the English report', async () => {
    const pdf = await renderPdfReport({
      title: 'Dual diagnosis',
      focalProcess: 'citizens with a dual diagnosis',
      municipality: 'Test',
      result,
      language: 'en',
      provisional: false,
      compress: false,
    });
    const text = await pdfText(pdf);
    expect(text).toContain('Relational capacity report');
    expect(text).toContain('Method and anonymity');
    expect(text).not.toContain('Provisional');
  });

  it('adds myndighed against udfører, senders against receivers and the leadership line', async () => {
    const wave = collectWaves(answers())[0]!;
    const points = respondentPoints(wave);
    const kinds: Record<string, string> = { Jobcenter: 'myndighed', Misbrugscenter: 'udfører' };
    const flows = { Jobcenter: 'sender', Misbrugscenter: 'receiver' } as const;
    const flowOf = (u: string) => flows[u as keyof typeof flows];
    const pdf = await renderPdfReport({
      ...DANISH,
      provisional: false,
      compress: false,
      extras: [
        {
          wave: 'før',
          measurementId: 'm',
          kinds: compareKinds(points, (u) => kinds[u], 5),
          flows: compareFlows(points, flowOf, 5),
          handOn: handOnView(result.waves[0]!.ties, flowOf),
          leadership: leadershipScatter(points, 5, true),
        },
      ],
    });
    const text = await pdfText(pdf);
    for (const expected of [
      'Myndighed og udfører',
      'myndighed: ',
      'Afsendere og modtagere',
      'Relationer: afsender → modtager mod modtager → afsender',
      'Jobcenter → Misbrugscenter',
      'Ledelse og relationel kapacitet',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
