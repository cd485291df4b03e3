/**
 * A PDF document with Samspil's fonts, and its bytes once it ends. Every PDF (report, plan,
 * workshop) starts here. The fonts are DejaVu Sans from the `dejavu-fonts-ttf` package,
 * embedded (subset) in each file: pdfkit's standard fonts carry only WinAnsi, so "•", "↔",
 * "→" and "α" came out as "?".
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/** The registered font names: use these with `doc.font(…)`. */
export const FONTS = { regular: 'Samspil', bold: 'Samspil-Bold' } as const;

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** A document to draw on, and a promise of its bytes that resolves after `doc.end()`. */
export interface PdfInProgress {
  doc: PDFKit.PDFDocument;
  bytes: Promise<Buffer>;
}

/** Open a PDF with the Unicode fonts registered and the regular one selected. */
export async function createPdf(options: PDFKit.PDFDocumentOptions): Promise<PdfInProgress> {
  // pdfkit takes about a second to load: only when a PDF is made, not at every start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument(options);
  doc.registerFont(FONTS.regular, path.join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont(FONTS.bold, path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  doc.font(FONTS.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
