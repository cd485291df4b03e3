/** Plain values of a measurement's exports (no zod); the web offers the same formats. */

/** The formats a measurement's analysis downloads as. */
export const EXPORT_FORMATS = ['pdf', 'csv', 'xlsx', 'graphml', 'gexf'] as const;
/** A format a measurement's analysis downloads as. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The languages of a PDF report. */
export const REPORT_LANGUAGES = ['da', 'en'] as const;
/** The language of a PDF report. */
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
