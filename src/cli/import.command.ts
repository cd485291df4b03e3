/** `samspil import-org` and `samspil import-responses`: all-or-nothing imports from files. */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../server/config.js';
import { cliActor } from './actor.js';
import { withDatabase } from './open.js';

/** The options both import commands take. */
export interface ImportOptions {
  municipality: string;
  as?: string;
  dryRun?: boolean;
}

/** Print an import's row errors; returns true when there were any (nothing is imported then). */
function reportImportErrors(
  errors: { line: number | null; message: { da: string; en: string } }[],
): boolean {
  for (const error of errors) {
    const where = error.line === null ? '' : `line ${error.line}: `;
    console.error(`${where}${error.message.en} (${error.message.da})`);
  }
  if (errors.length > 0) console.error(`${errors.length} errors; nothing was imported.`);
  return errors.length > 0;
}

/** Import an organisation file (CSV or XLSX) into a municipality; resolves to the exit code. */
export async function importOrgCommand(file: string, options: ImportOptions): Promise<number> {
  const bytes = await readFile(file);
  // Loaded here so the other commands do not pay for the organisation import (and Excel).
  const { importOrganisation } = await import('../org/org.service.js');
  return withDatabase(loadConfig(), async ({ db }) => {
    const actor = await cliActor(db, options.municipality, options.as);
    const report = await importOrganisation(db, actor, bytes, false);
    if (reportImportErrors(report.errors)) return 1;
    const count = (items: { action: string }[], action: string) =>
      items.filter((i) => i.action === action).length;
    const summary =
      `units: ${count(report.plan.units, 'create')} new, ${count(report.plan.units, 'update')} changed; ` +
      `people: ${count(report.plan.people, 'create')} new, ${count(report.plan.people, 'update')} changed`;
    if (options.dryRun === true) {
      console.log(`Dry run, nothing written. Would import ${report.rows} rows (${summary}).`);
      return 0;
    }
    await importOrganisation(db, actor, bytes, true);
    console.log(`Imported ${report.rows} rows (${summary}).`);
    return 0;
  });
}

/** Import answers (the long CSV) into a measurement; resolves to the exit code. */
export async function importResponsesCommand(
  measurementId: string,
  file: string,
  options: ImportOptions,
): Promise<number> {
  const bytes = await readFile(file);
  const config = loadConfig();
  const [{ importResponses }, { outboxTransport }] = await Promise.all([
    import('../measurements/response-import.service.js'),
    import('../mail/mail-transport.js'),
  ]);
  return withDatabase(config, async ({ db }) => {
    const actor = await cliActor(db, options.municipality, options.as);
    const deps = {
      db,
      mail: outboxTransport,
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
      defaultMinGroup: config.minGroupSize,
    };
    const report = await importResponses(deps, actor, measurementId, bytes, false);
    if (reportImportErrors(report.errors)) return 1;
    if (options.dryRun === true) {
      console.log(
        `Dry run, nothing written. Would import ${report.rows} answers from ${report.respondents} respondents.`,
      );
      return 0;
    }
    await importResponses(deps, actor, measurementId, bytes, true);
    console.log(`Imported ${report.rows} answers from ${report.respondents} respondents.`);
    return 0;
  });
}
