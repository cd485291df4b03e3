/**
 * The `samspil` command: serve, demo, import-org, create-municipality, analyze, backup,
 * restore, migrate-to-postgres.
 * Each command parses its own options; configuration comes from the environment once.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BackupError } from '../db/backup.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { KeyMismatchError } from '../db/key-check.js';
import { DEMO_MUNICIPALITY } from '../demo/demo-organisation.js';
import { createDemoMunicipality } from '../demo/demo.service.js';
import {
  createMunicipality,
  MunicipalityInputError,
} from '../municipality/municipality.service.js';
import { importResponses } from '../measurements/response-import.service.js';
import { importOrganisation } from '../org/org.service.js';
import { outboxTransport, smtpTransport } from '../mail/mail-transport.js';
import { buildApp } from '../server/app.js';
import { createWorker } from '../server/background.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { AppError } from '../server/errors.js';
import { cliActor, CliInputError } from './actor.js';
import { analyzeCommand } from './analyze.command.js';
import { backupCommand, migrateToPostgresCommand, restoreCommand } from './backup.command.js';
import { demoLoginText, prepareFirstStart } from './first-start.js';
import { openConfiguredDatabase } from './open.js';

const USAGE = `Usage: samspil <command> [options]

Commands:
  serve                          Start the web app (outside production, creates the demo municipality on an empty database)
  demo                           Create the demo municipality (if it does not exist)
  import-org FILE --municipality SLUG [--as EMAIL] [--dry-run]
                                 Import an organisation file (CSV or XLSX); all or nothing
  import-responses MEASUREMENT FILE.csv --municipality SLUG [--as EMAIL] [--dry-run]
                                 Import answers (the long CSV) into a measurement; all or nothing
  create-municipality --name NAME --slug SLUG --admin-email EMAIL --admin-name NAME
                                 Create a municipality; the admin password is read from SAMSPIL_ADMIN_PASSWORD
  analyze FILE.csv [--json] [--min-group N] [--high X] [--low Y]
                                 Analyse a long CSV of answers (see docs/analysis.md)
  backup FILE                    Back up the database (PostgreSQL: pg_dump; embedded: stop the app first)
  restore FILE [--force]         Restore a backup into an empty database (--force: replace DATA_DIR's)
  migrate-to-postgres URL        Copy the embedded database in DATA_DIR into an empty PostgreSQL database

Environment: PORT, DATABASE_URL, DATA_DIR, SESSION_SECRET, CPR_KEY, SMTP_URL, MIN_GROUP_SIZE, LOG_LEVEL, METRICS_TOKEN (see README).`;

async function serve(): Promise<void> {
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  let closing = false;
  const mail = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : outboxTransport;
  const app = await buildApp({
    config,
    db: handle.db,
    mail,
    notifier: handle.notifier,
    logger: true,
    poolStats: handle.poolStats,
  });
  const worker = createWorker(handle.db, mail);
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await worker.stop();
    await app.close();
    mail.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  let firstStart: Awaited<ReturnType<typeof prepareFirstStart>>;
  try {
    firstStart = await prepareFirstStart(handle.db, config);
    await app.listen({ port: config.port, host: config.host });
    worker.start();
  } catch (error) {
    await app.close();
    await handle.close();
    throw error;
  }
  const where = handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`Samspil is running at ${config.publicUrl} (database: ${where})`);
  for (const message of firstStart.messages) console.log(message);
  if (firstStart.createdDemo) console.log(demoLoginText());
  if (!config.production && mail.kind === 'outbox') {
    console.log(
      `No SMTP_URL: mail is not sent. The demo's mail (survey links, codes): ${config.publicUrl}/dev/mail on this machine.`,
    );
  }
  if (handle.kind === 'pglite') {
    console.log(
      'Note: the embedded database is for trying Samspil. Keep production data on PostgreSQL (DATABASE_URL).',
    );
  }
}

async function withDatabase<T>(
  work: (handle: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>,
) {
  const handle = await openConfiguredDatabase(loadConfig());
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function demo(): Promise<void> {
  await withDatabase(async ({ db }) => {
    const exists = await db
      .selectFrom('municipality')
      .select('id')
      .where('slug', '=', DEMO_MUNICIPALITY.slug)
      .executeTakeFirst();
    if (exists) {
      console.log('The demo municipality exists already.');
      return;
    }
    await createDemoMunicipality(db, undefined, loadConfig().cprKey);
    console.log(`Created "${DEMO_MUNICIPALITY.name}".\n${demoLoginText()}`);
  });
}

/** The options both import commands take. */
function parseImportArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      municipality: { type: 'string' },
      as: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
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

async function importOrg(args: string[]): Promise<number> {
  const { values, positionals } = parseImportArgs(args);
  const file = positionals[0];
  if (!file || !values.municipality)
    throw new CliInputError('import-org needs FILE and --municipality SLUG');
  const bytes = await readFile(file);
  return withDatabase(async ({ db }) => {
    const actor = await cliActor(db, values.municipality!, values.as);
    const commit = values['dry-run'] !== true;
    const report = await importOrganisation(db, actor, bytes, false);
    if (reportImportErrors(report.errors)) return 1;
    const count = (items: { action: string }[], action: string) =>
      items.filter((i) => i.action === action).length;
    const summary =
      `units: ${count(report.plan.units, 'create')} new, ${count(report.plan.units, 'update')} changed; ` +
      `people: ${count(report.plan.people, 'create')} new, ${count(report.plan.people, 'update')} changed`;
    if (!commit) {
      console.log(`Dry run, nothing written. Would import ${report.rows} rows (${summary}).`);
      return 0;
    }
    await importOrganisation(db, actor, bytes, true);
    console.log(`Imported ${report.rows} rows (${summary}).`);
    return 0;
  });
}

async function importResponsesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseImportArgs(args);
  const [measurementId, file] = positionals;
  if (!measurementId || !file || !values.municipality) {
    throw new CliInputError('import-responses needs MEASUREMENT, FILE and --municipality SLUG');
  }
  const bytes = await readFile(file);
  const config = loadConfig();
  return withDatabase(async ({ db }) => {
    const actor = await cliActor(db, values.municipality!, values.as);
    const deps = {
      db,
      mail: outboxTransport,
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
      defaultMinGroup: config.minGroupSize,
    };
    const report = await importResponses(deps, actor, measurementId, bytes, false);
    if (reportImportErrors(report.errors)) return 1;
    if (values['dry-run'] === true) {
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

async function createMunicipalityCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
    },
  });
  const password = process.env.SAMSPIL_ADMIN_PASSWORD;
  if (
    !values.name ||
    !values.slug ||
    !values['admin-email'] ||
    !values['admin-name'] ||
    !password
  ) {
    throw new CliInputError(
      'create-municipality needs --name, --slug, --admin-email, --admin-name and SAMSPIL_ADMIN_PASSWORD in the environment',
    );
  }
  await withDatabase(({ db }) =>
    createMunicipality(db, {
      name: values.name!,
      slug: values.slug!,
      adminEmail: values['admin-email']!,
      adminName: values['admin-name']!,
      adminPassword: password,
    }),
  );
  console.log(`Created municipality ${values.slug}.`);
  return 0;
}

/** Run the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'serve':
        await serve();
        return 0;
      case 'demo':
        await demo();
        return 0;
      case 'import-org':
        return await importOrg(args);
      case 'import-responses':
        return await importResponsesCommand(args);
      case 'analyze':
        return await analyzeCommand(args, {
          stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
          stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
        });
      case 'create-municipality':
        return await createMunicipalityCommand(args);
      case 'backup':
        return await backupCommand(args, loadConfig());
      case 'restore':
        return await restoreCommand(args, loadConfig());
      case 'migrate-to-postgres':
        return await migrateToPostgresCommand(args, loadConfig());
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof KeyMismatchError ||
      error instanceof BackupError
    ) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof CliInputError || error instanceof MunicipalityInputError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(`${error.messages.en} (${error.messages.da})`);
      return 1;
    }
    throw error;
  }
}
