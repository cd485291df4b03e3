/** Exports of a measurement's analysis: CSV, XLSX, GraphML, GEXF — all from one analysis. */
import type { Kysely } from 'kysely';
import type { ExportFormat } from '../../contract/reports.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { analyseMeasurement } from '../results/results.service.js';
import { analysisExtras } from '../results/analysis-extras.service.js';
import { badRequest, notFound } from '../kernel/errors.js';
import { recordUserAudit } from '../audit/audit.repository.js';
import { toGexf, toGraphml } from './graph-export.js';
import { renderPdfReport, type Language } from './pdf-report.js';
import { reportTables } from './report-tables.js';
import { tablesToXlsx, tableToCsv } from './table-export.js';

export { EXPORT_FORMATS, type ExportFormat } from '../../contract/reports.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
};

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

/** A safe file name from a title: letters, digits and dashes. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'oe')
    .replace(/å/gi, 'aa')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return stem.slice(0, 60) || 'samspil';
}

/**
 * Build an export. CSV takes one table (default: the ties); graph formats take one
 * wave (default: the last).
 */
export async function exportAnalysis(
  db: Kysely<Database>,
  user: AuthUser,
  measurementId: string,
  format: ExportFormat,
  options: { table?: string; wave?: string; lang?: Language },
): Promise<ExportFile> {
  const analysis = await analyseMeasurement(db, user, measurementId);
  // The graph formats carry only the map; the other formats add the extra comparisons.
  const extras =
    format === 'graphml' || format === 'gexf'
      ? []
      : (await analysisExtras(db, user, measurementId)).waves;
  const title = analysis.waves.at(-1)?.title ?? 'samspil';
  const stem = fileStem(title);
  await recordUserAudit(db, user, 'export', 'measurement', measurementId, { format, ...options });
  const file = (suffix: string, body: Buffer | string): ExportFile => ({
    filename: `${stem}${suffix}.${format}`,
    contentType: CONTENT_TYPES[format],
    body,
  });
  switch (format) {
    case 'pdf':
      return file(
        options.lang === 'en' ? '-report' : '-rapport',
        await renderPdfReport({
          title,
          focalProcess: analysis.focalProcess,
          municipality: user.municipalityName,
          result: analysis.result,
          language: options.lang ?? 'da',
          provisional: analysis.provisional,
          extras,
        }),
      );
    case 'csv': {
      const tables = reportTables(analysis.result, extras);
      const name = options.table ?? 'relationer';
      const table = tables.find((t) => t.name === name);
      if (!table) {
        throw notFound({
          da: `Tabellen "${name}" findes ikke. Vælg en af: ${tables.map((t) => t.name).join(', ')}.`,
          en: `The table "${name}" does not exist. Choose one of: ${tables.map((t) => t.name).join(', ')}.`,
        });
      }
      return file(`-${table.name}`, tableToCsv(table));
    }
    case 'xlsx':
      return file('', await tablesToXlsx(reportTables(analysis.result, extras), title));
    case 'graphml':
    case 'gexf': {
      const waves = analysis.result.waves;
      const wave =
        options.wave === undefined ? waves.at(-1) : waves.find((w) => w.wave === options.wave);
      if (!wave) {
        throw badRequest({
          da:
            waves.length === 0
              ? 'Målingen har ingen svar endnu.'
              : `Runden "${options.wave}" findes ikke.`,
          en:
            waves.length === 0
              ? 'The measurement has no answers yet.'
              : `The wave "${options.wave}" does not exist.`,
        });
      }
      return file(
        `-${fileStem(wave.wave || 'runde')}`,
        format === 'gexf' ? toGexf(wave) : toGraphml(wave),
      );
    }
  }
}
