/**
 * The text of a PDF as a reader sees it, through pdf.js (Mozilla's PDF reader): the PDFs
 * embed Unicode fonts, so their content streams hold glyph ids, not letters.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every page's text, pages separated by a line break and text runs by a space. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n');
}
