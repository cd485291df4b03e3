/**
 * The PDF report of a measurement's analysis: cover, the network map, the dimension
 * profile, weakest ties, asymmetries, change between waves, reliability, and the method
 * and anonymity notes, in Danish or English, in the Unicode fonts of `pdf-document.ts`;
 * the figures come from the same analysis as every other view.
 */
import type { AnalysisResult, TieResult, WaveResult } from '../analysis/analyze.js';
import { RK_DIMENSION_LABELS, RK_ITEMS } from '../analysis/answer.js';
import { loopOf } from '../../contract/analysis.js';
import type { Comparison } from '../analysis/welch.js';
import type { WaveExtras } from '../results/analysis-extras.service.js';
import { createPdf, FONTS } from './pdf-document.js';

export type Language = 'da' | 'en';

export interface PdfReportInput {
  title: string;
  focalProcess: string;
  municipality: string;
  result: AnalysisResult;
  language: Language;
  provisional: boolean;
  /** Myndighed/udfører, senders/receivers and the leadership scatter, per wave. */
  extras?: WaveExtras[];
  /** Tests turn compression off to read the text back. */
  compress?: boolean;
}

const TEXT = {
  da: {
    report: 'Rapport om relationel kapacitet',
    about: 'Samarbejdet omkring',
    provisional: 'Foreløbige tal: målingen er stadig åben.',
    wave: 'Runde',
    map: 'Relationsoverblikket',
    mapNote:
      'Pilen A → B er A’s vurdering af B. Grøn: høj, gul: middel, rød: lav, grå: skjult (for få svar).',
    network: 'Netværket',
    score: 'Relationel kapacitet (1–5)',
    respondents: 'Besvarelser',
    weakest: 'Svageste dimension',
    profile: 'Dimensionsprofil',
    weakTies: 'De svageste broer',
    asymmetry: 'Største asymmetrier (A→B mod B→A)',
    roles: 'Ledere og medarbejdere',
    kinds: 'Myndighed og udfører',
    flows: 'Afsendere og modtagere',
    handOn: 'Relationer: afsender → modtager mod modtager → afsender',
    leadership: 'Ledelse og relationel kapacitet',
    slope: 'hældning',
    elasticity: 'elasticitet',
    change: 'Forandring mellem runderne',
    did: 'Indsats mod kontrol (forskel i forskelle)',
    reliability: 'Pålidelighed (Cronbachs alpha; under 0,7 er svagt)',
    method: 'Metode og anonymitet',
    methodText: (minGroup: number, high: string, low: string) =>
      `Hver medarbejder vurderer samarbejdet med hver gruppe på seks udsagn (1 = helt uenig … 5 = meget enig; "ved ikke" tælles ikke med). ` +
      `En relation A → B er gennemsnittet af A-medarbejdernes vurdering af B. Høj: mindst ${high}, lav: under ${low}. ` +
      `Tal for færre end ${minGroup} personer vises ikke, og heller ikke tal, der kunne regnes ud ved at trække grupper fra hinanden. ` +
      `Forskelle testes med Welchs t-test med 95 % konfidensinterval. ` +
      `De seks udsagn om samarbejdet følger forskningens ordlyd; udsagnene om ledelse er Samspils egne, medmindre kommunen har erstattet dem.`,
    none: 'Ingen at vise.',
    suppressed: 'skjult',
    ci: 'KI',
    loop: {
      productive:
        'Netværket er samlet set i den produktive spiral: man deler viden, løser problemer og finder nye muligheder sammen.',
      unproductive:
        'Netværket er samlet set i den uproduktive spiral: specialiseret viden, lidt løsningsfokus og silotænkning.',
      between: 'Netværket ligger mellem den produktive og den uproduktive spiral.',
      unknown: 'Der er for få svar til at læse netværket samlet.',
    },
    decisive: (dimension: string, score: string) =>
      `Af de tre afgørende dimensioner (kendskab, respekt og problemløsning) er ${dimension.toLowerCase()} svagest (${score}); begynd dér.`,
  },
  en: {
    report: 'Relational capacity report',
    about: 'Collaboration around',
    provisional: 'Provisional figures: the measurement is still open.',
    wave: 'Wave',
    map: 'The network map',
    mapNote:
      "The arrow A → B is A's rating of B. Green: high, yellow: medium, red: low, grey: withheld (too few respondents).",
    network: 'The network',
    score: 'Relational capacity (1–5)',
    respondents: 'Respondents',
    weakest: 'Weakest dimension',
    profile: 'Dimension profile',
    weakTies: 'The weakest bridges',
    asymmetry: 'Largest asymmetries (A→B against B→A)',
    roles: 'Leaders and employees',
    kinds: 'Authority (myndighed) and service (udfører) units',
    flows: 'Senders and receivers',
    handOn: 'Ties: sender → receiver against receiver → sender',
    leadership: 'Leadership and relational capacity',
    slope: 'slope',
    elasticity: 'elasticity',
    change: 'Change between the waves',
    did: 'Intervention against control (difference in differences)',
    reliability: "Reliability (Cronbach's alpha; below 0.7 is weak)",
    method: 'Method and anonymity',
    methodText: (minGroup: number, high: string, low: string) =>
      `Each employee rates collaboration with each group on six statements (1 = strongly disagree … 5 = strongly agree; "don't know" is not counted). ` +
      `A tie A → B is the mean of A's employees' ratings of B. High: at least ${high}, low: below ${low}. ` +
      `Figures for fewer than ${minGroup} people are withheld, and so are figures that could be worked out by subtracting groups. ` +
      `Differences are tested with Welch's t-test with 95 % confidence intervals. ` +
      `The six statements on collaboration follow the research's wording; the statements on leadership are Samspil's own unless the municipality replaced them.`,
    none: 'Nothing to show.',
    suppressed: 'withheld',
    ci: 'CI',
    loop: {
      productive:
        'Overall the network is in the productive loop: people share knowledge, solve problems and find new possibilities together.',
      unproductive:
        'Overall the network is in the unproductive loop: specialised knowledge, little focus on solutions and silo thinking.',
      between: 'The network lies between the productive and the unproductive loop.',
      unknown: 'There are too few answers to read the network as a whole.',
    },
    decisive: (dimension: string, score: string) =>
      `Of the three dimensions that decide the intervention (knowledge of others' work, respect and problem solving), ${dimension.toLowerCase()} is weakest (${score}); start there.`,
  },
} as const;

type Text = (typeof TEXT)[Language];

const COLOURS = { high: '#1a7f37', medium: '#b58100', low: '#c62828', none: '#9e9e9e' } as const;

const fmt = (value: number | null | undefined, language: Language, digits = 2) =>
  value === null || value === undefined
    ? '–'
    : value.toLocaleString(language === 'da' ? 'da-DK' : 'en-GB', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });

function colourOf(tie: TieResult): string {
  if (tie.suppressed || tie.score === null) return COLOURS.none;
  return tie.level === 'high' ? COLOURS.high : tie.level === 'low' ? COLOURS.low : COLOURS.medium;
}

function drawMap(doc: PDFKit.PDFDocument, wave: WaveResult, top: number): number {
  const names = [
    ...new Set([...wave.units.map((u) => u.unit), ...wave.ties.flatMap((t) => [t.from, t.to])]),
  ].sort();
  const cx = doc.page.width / 2;
  const radius = 170;
  const cy = top + radius + 30;
  const position = new Map(
    names.map((name, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, names.length) - Math.PI / 2;
      return [name, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) }];
    }),
  );
  for (const tie of wave.ties) {
    const a = position.get(tie.from)!;
    const b = position.get(tie.to)!;
    // Offset each direction a little so A→B and B→A are both visible.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const ox = (-dy / length) * 3;
    const oy = (dx / length) * 3;
    const end = { x: b.x - (dx / length) * 10 + ox, y: b.y - (dy / length) * 10 + oy };
    doc
      .save()
      .lineWidth(tie.level === 'low' ? 1.6 : 0.8)
      .strokeColor(colourOf(tie))
      .strokeOpacity(0.8);
    doc
      .moveTo(a.x + ox, a.y + oy)
      .lineTo(end.x, end.y)
      .stroke();
    const head = 5;
    const angle = Math.atan2(dy, dx);
    doc
      .moveTo(end.x, end.y)
      .lineTo(end.x - head * Math.cos(angle - 0.4), end.y - head * Math.sin(angle - 0.4))
      .lineTo(end.x - head * Math.cos(angle + 0.4), end.y - head * Math.sin(angle + 0.4))
      .fillColor(colourOf(tie))
      .fill()
      .restore();
  }
  for (const [name, p] of position) {
    doc.save().circle(p.x, p.y, 7).fillColor('#1b4965').fill().restore();
    const right = p.x >= cx;
    doc
      .fontSize(7)
      .fillColor('#111')
      .text(name, right ? p.x + 10 : p.x - 130, p.y - 4, {
        width: 120,
        align: right ? 'left' : 'right',
      });
  }
  return cy + radius + 40;
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - 150) doc.addPage();
  doc.moveDown(0.8).font(FONTS.bold).fontSize(13).fillColor('#1b4965').text(text, 50);
  doc.font(FONTS.regular).fontSize(10).fillColor('#111').moveDown(0.3);
}

function line(doc: PDFKit.PDFDocument, text: string) {
  doc.font(FONTS.regular).fontSize(10).fillColor('#111').text(text, 50);
}

/** A comparison in one line: means, difference, CI and p, or "withheld". */
function comparisonLine(c: Comparison, t: Text, lang: Language): string {
  if (c.suppressed || c.diff === null) return `${c.from} / ${c.to}: ${t.suppressed}`;
  return (
    `${c.from}: ${fmt(c.mean1, lang)} (n = ${c.n1})   ${c.to}: ${fmt(c.mean2, lang)} (n = ${c.n2})   ` +
    `(${fmt(c.diff, lang)}` +
    (c.ci
      ? `; ${t.ci} ${fmt(c.ci[0], lang)} – ${fmt(c.ci[1], lang)}; p = ${fmt(c.p, lang, 3)})`
      : ')')
  );
}

/** The extra comparisons of a wave and, where the reader may see them, the scatter's points. */
function drawExtras(doc: PDFKit.PDFDocument, extras: WaveExtras, t: Text, lang: Language) {
  heading(doc, t.kinds);
  line(doc, comparisonLine(extras.kinds.comparison, t, lang));
  if (extras.flows) {
    heading(doc, t.flows);
    line(doc, comparisonLine(extras.flows.comparison, t, lang));
  }
  if (extras.handOn) {
    heading(doc, t.handOn);
    line(doc, comparisonLine(extras.handOn.comparison, t, lang));
    for (const pair of extras.handOn.pairs.slice(0, 6)) {
      line(
        doc,
        `${pair.sender} → ${pair.receiver}: ${fmt(pair.senderRates, lang)}   ${pair.receiver} → ${pair.sender}: ${fmt(pair.receiverRates, lang)}   (${fmt(pair.gap, lang)})`,
      );
    }
  }
  const lead = extras.leadership;
  heading(doc, t.leadership);
  if (lead.suppressed || lead.slope === null) {
    line(doc, t.suppressed);
    return;
  }
  line(
    doc,
    `${t.slope} ${fmt(lead.slope, lang)}; r = ${fmt(lead.r, lang)}; p = ${fmt(lead.p, lang, 3)}; n = ${lead.n}; ${t.elasticity} ${fmt(lead.elasticity, lang)}`,
  );
  if (!lead.points || lead.intercept === null) return;
  // A small scatter on the 1–5 square with the regression line.
  if (doc.y > doc.page.height - 200) doc.addPage();
  const left = 80;
  const top = doc.y + 8;
  const size = 150;
  const px = (v: number) => left + ((v - 1) / 4) * size;
  const py = (v: number) => top + size - ((v - 1) / 4) * size;
  doc.save().rect(left, top, size, size).strokeColor('#999').stroke().restore();
  for (const p of lead.points) {
    doc.save().circle(px(p.leadership), py(p.score), 1.6).fillColor('#1b4965').fill().restore();
  }
  const at = (x: number) => Math.min(5, Math.max(1, lead.intercept! + lead.slope! * x));
  doc
    .save()
    .moveTo(px(1), py(at(1)))
    .lineTo(px(5), py(at(5)))
    .strokeColor(COLOURS.low)
    .lineWidth(1.5)
    .stroke()
    .restore();
  doc
    .fontSize(8)
    .fillColor('#444')
    .text(lang === 'da' ? 'Ledelse L (1–5) →' : 'Leadership L (1–5) →', left, top + size + 4);
  doc.x = 50;
  doc.y = top + size + 18;
}

/** Render the report; resolves to the PDF bytes. */
export async function renderPdfReport(input: PdfReportInput): Promise<Buffer> {
  const t = TEXT[input.language];
  const lang = input.language;
  const { doc, bytes: done } = await createPdf({
    size: 'A4',
    margin: 50,
    compress: input.compress ?? true,
    info: { Title: `${t.report}: ${input.title}`, Author: 'Samspil' },
    lang: input.language === 'da' ? 'da-DK' : 'en-GB',
  });

  // Cover
  doc.font(FONTS.bold).fontSize(24).fillColor('#1b4965').text(t.report, 50, 180);
  doc.moveDown(0.5).fontSize(16).fillColor('#111').text(input.title);
  doc.moveDown(0.5).font(FONTS.regular).fontSize(12).text(`${t.about} ${input.focalProcess}`);
  doc.moveDown(0.3).text(input.municipality);
  doc
    .moveDown(0.3)
    .text(new Date().toLocaleDateString(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long' }));
  if (input.provisional)
    doc.moveDown(1).fillColor(COLOURS.low).text(t.provisional).fillColor('#111');

  const { result } = input;
  for (const wave of result.waves) {
    doc.addPage();
    doc
      .font(FONTS.bold)
      .fontSize(16)
      .fillColor('#1b4965')
      .text(`${t.wave} ${wave.wave}: ${t.map}`, 50, 50);
    doc.font(FONTS.regular).fontSize(9).fillColor('#444').text(t.mapNote);
    const below = drawMap(doc, wave, doc.y + 10);
    doc.y = below;

    heading(doc, t.network);
    line(
      doc,
      `${t.score}: ${fmt(wave.network.score, lang)}   ${t.respondents}: ${wave.network.n ?? '–'}`,
    );
    const weakest = wave.network.weakestDimension;
    line(doc, `${t.weakest}: ${weakest ? RK_DIMENSION_LABELS[weakest][lang] : '–'}`);
    const loop = loopOf(wave.network, result.thresholds);
    const decisive = loop.decisive;
    line(
      doc,
      `${t.loop[loop.verdict]}${decisive ? ` ${t.decisive(RK_DIMENSION_LABELS[decisive][lang], fmt(wave.network.dimensions[decisive], lang))}` : ''}`,
    );

    heading(doc, t.profile);
    for (const item of RK_ITEMS) {
      const value = wave.network.dimensions[item];
      const y = doc.y;
      line(doc, RK_DIMENSION_LABELS[item][lang]);
      if (value !== null) {
        doc
          .save()
          .rect(200, y + 1, (value / 5) * 250, 8)
          .fillColor(item === weakest ? COLOURS.low : '#5fa8d3')
          .fill()
          .restore();
        doc.fontSize(9).text(fmt(value, lang), 460, y, { lineBreak: false });
        doc.x = 50;
        doc.y = y + 13;
      }
    }

    heading(doc, t.weakTies);
    const weak = wave.ties
      .filter((tie) => tie.score !== null)
      .sort((a, b) => a.score! - b.score!)
      .slice(0, 8);
    if (weak.length === 0) line(doc, t.none);
    for (const tie of weak)
      line(doc, `${tie.from} → ${tie.to}: ${fmt(tie.score, lang)} (n = ${tie.n})`);

    heading(doc, t.asymmetry);
    if (wave.asymmetry.length === 0) line(doc, t.none);
    for (const a of wave.asymmetry.slice(0, 8)) {
      line(
        doc,
        `${a.a} → ${a.b}: ${fmt(a.ab, lang)}   ${a.b} → ${a.a}: ${fmt(a.ba, lang)}   (${fmt(a.gap, lang)})`,
      );
    }

    heading(doc, t.roles);
    const roles = wave.roles;
    const c = roles.comparison;
    line(
      doc,
      `${lang === 'da' ? 'Ledere' : 'Leaders'}: ${roles.leder.suppressed ? t.suppressed : fmt(roles.leder.mean, lang)}   ` +
        `${lang === 'da' ? 'Medarbejdere' : 'Employees'}: ${roles.medarbejder.suppressed ? t.suppressed : fmt(roles.medarbejder.mean, lang)}` +
        (c.diff !== null && c.ci
          ? `   (${fmt(c.diff, lang)}; ${t.ci} ${fmt(c.ci[0], lang)} – ${fmt(c.ci[1], lang)}; p = ${fmt(c.p, lang, 3)})`
          : ''),
    );

    const extras = input.extras?.find((e) => e.wave === wave.wave);
    if (extras) drawExtras(doc, extras, t, lang);

    heading(doc, t.reliability);
    for (const scale of ['rk', 'ledelse', 'borger'] as const) {
      const r = wave.reliability[scale];
      if (r.rows === 0 || r.rows === null) continue;
      line(doc, `${scale}: α = ${fmt(r.alpha, lang)} (k = ${r.k}, n = ${r.rows})`);
    }
  }

  if (result.comparison || result.did) {
    doc.addPage();
    doc.y = 50;
    if (result.comparison) {
      const c = result.comparison;
      heading(doc, t.change);
      line(
        doc,
        `${c.from} → ${c.to}: ${fmt(c.mean1, lang)} → ${fmt(c.mean2, lang)} (${fmt(c.diff, lang)}` +
          (c.ci
            ? `; ${t.ci} ${fmt(c.ci[0], lang)} – ${fmt(c.ci[1], lang)}; p = ${fmt(c.p, lang, 3)}; d = ${fmt(c.d, lang)})`
            : ')'),
      );
    }
    if (result.did) {
      const d = result.did;
      heading(doc, t.did);
      line(
        doc,
        `${fmt(d.did, lang)}` +
          (d.ci
            ? ` (${t.ci} ${fmt(d.ci[0], lang)} – ${fmt(d.ci[1], lang)}; p = ${fmt(d.p, lang, 3)})`
            : ''),
      );
    }
  }

  heading(doc, t.method);
  line(
    doc,
    t.methodText(
      result.minGroup,
      fmt(result.thresholds.high, lang, 1),
      fmt(result.thresholds.low, lang, 1),
    ),
  );
  doc.end();
  return done;
}
