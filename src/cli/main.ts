/**
 * The `samspil` command: serve, demo, import-org, import-responses, create-municipality,
 * sso-oidc, sso-saml, analyze, backup, restore, migrate-to-postgres.
 *
 * This module only declares the commands (commander) and loads nothing heavy: each action
 * imports its own module when it runs, so `samspil --help` or `samspil analyze` never loads
 * Fastify, the PDF, Excel and mail libraries, or a database driver it does not use.
 *
 * Exit codes: 0 success (and --help, --version); 1 the command failed; 2 the command line
 * was wrong (unknown command or option, missing argument, invalid value).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { CommandOutput } from './analyze.command.js';
import { CliInputError } from './errors.js';

const ENVIRONMENT = `
Environment: PORT, DATABASE_URL, DATA_DIR, SESSION_SECRET, CPR_KEY, SMTP_URL, MIN_GROUP_SIZE,
LOG_LEVEL, METRICS_TOKEN and more (see README). Exit codes: 0 done, 1 failed, 2 wrong usage.`;

/** A text without its last line break (a slice, not a copy of a large output). */
const withoutLastBreak = (text: string) => (text.endsWith('\n') ? text.slice(0, -1) : text);

/** Writes to the console, so a test can watch console.log and console.error. */
const consoleOutput: CommandOutput = {
  stdout: (text) => console.log(withoutLastBreak(text)),
  stderr: (text) => console.error(withoutLastBreak(text)),
};

/** The version in the package.json above this file (src/cli or dist/src/cli). */
function packageVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'samspil' && pkg.version) return pkg.version;
    } catch {
      // Not at this level; try the next one up.
    }
  }
  return 'unknown';
}

/** A parser for a numeric option value; the message is Danish with English in parentheses. */
function numberArg(integer: boolean) {
  return (raw: string): number => {
    const value = raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw new InvalidArgumentError(
        integer
          ? 'Det er ikke et helt tal (not a whole number).'
          : 'Det er ikke et tal (not a number).',
      );
    }
    return value;
  };
}

/** The options of the two import commands. */
interface ImportFlags {
  municipality: string;
  as?: string;
  dryRun?: boolean;
}

/** Builds the program; `exit.code` receives the action's exit code. */
function program(out: CommandOutput, exit: { code: number }): Command {
  const root = new Command('samspil')
    .description('Samspil: relational capacity and one plan (Én plan) for Danish municipalities.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (also: samspil COMMAND --help)')
    .addHelpText('after', ENVIRONMENT)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: out.stdout,
      writeErr: out.stderr,
      outputError: (message) => out.stderr(usageLine('samspil', message)),
    });

  /** A subcommand whose usage errors name it and point to its own --help. */
  const command = (name: string, description: string) => {
    const sub = root
      .command(name)
      .description(description)
      .helpOption('-h, --help', 'show help for this command');
    sub.configureOutput({
      outputError: (message) => out.stderr(usageLine(`samspil ${name}`, message)),
    });
    return sub;
  };

  command(
    'serve',
    'Start the web app (outside production, creates the demo municipality on an empty database)',
  ).action(async () => {
    const { serveCommand } = await import('./serve.command.js');
    await serveCommand();
    exit.code = 0;
  });

  command('demo', 'Create the demo municipality (if it does not exist)').action(async () => {
    const { demoCommand } = await import('./demo.command.js');
    exit.code = await demoCommand();
  });

  const importOptions = (sub: Command) =>
    sub
      .requiredOption('--municipality <SLUG>', 'the municipality to import into')
      .option('--as <EMAIL>', "the user to act as (default: the municipality's first admin)")
      .option('--dry-run', 'check the file and show what would change, write nothing');

  importOptions(
    command('import-org', 'Import an organisation file (CSV or XLSX); all or nothing').argument(
      '<FILE>',
      'the organisation file (.csv or .xlsx)',
    ),
  ).action(async (file: string, flags: ImportFlags) => {
    const { importOrgCommand } = await import('./import.command.js');
    exit.code = await importOrgCommand(file, flags);
  });

  importOptions(
    command('import-responses', 'Import answers (the long CSV) into a measurement; all or nothing')
      .argument('<MEASUREMENT>', 'the id of the measurement')
      .argument('<FILE>', 'the long CSV of answers (see docs/analysis.md)'),
  ).action(async (measurement: string, file: string, flags: ImportFlags) => {
    const { importResponsesCommand } = await import('./import.command.js');
    exit.code = await importResponsesCommand(measurement, file, flags);
  });

  command(
    'create-municipality',
    'Create a municipality; the admin password is read from SAMSPIL_ADMIN_PASSWORD',
  )
    .requiredOption('--name <NAME>', 'the municipality\'s name, e.g. "Navn Kommune"')
    .requiredOption('--slug <SLUG>', 'its short name in addresses, e.g. navn')
    .requiredOption('--admin-email <EMAIL>', "the first admin's e-mail")
    .requiredOption('--admin-name <NAME>', "the first admin's name")
    .action(
      async (flags: { name: string; slug: string; adminEmail: string; adminName: string }) => {
        const { createMunicipalityCommand } = await import('./create-municipality.command.js');
        exit.code = await createMunicipalityCommand(flags, process.env.SAMSPIL_ADMIN_PASSWORD);
      },
    );

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  command('sso-saml', "Set up a municipality's SAML sign-in (e.g. KOMBIT adgangsstyring)")
    .requiredOption('--municipality <SLUG>', 'the municipality')
    .option('--metadata-url <URL>', "fetch the IdP's metadata from here")
    .option('--metadata-file <FILE>', "read the IdP's metadata from this XML file")
    .option('--domain <DOMAIN,…>', 'e-mail domain(s) the IdP signs in (repeatable)', collect)
    .option(
      '--email-attribute <NAME>',
      'attribute with the e-mail (default urn:oid:0.9.2342.19200300.100.1.3)',
    )
    .option('--name-attribute <NAME>', "attribute with the person's name (default urn:oid:2.5.4.3)")
    .option(
      '--role-attribute <NAME>',
      'attribute with the roles (default dk:gov:saml:attribute:Privileges_intermediate)',
    )
    .option(
      '--role-map <SYSTEMROLE=ROLE,…>',
      'named system role → admin|analytiker|leder|sagsbehandler (repeatable)',
      collect,
    )
    .option('--cvr <NUMBER>', "count only KOMBIT privileges scoped to this CVR number ('' for all)")
    .option(
      '--local-passwords <yes|no>',
      'whether passwords still work (default yes)',
      (v: string) => {
        if (v !== 'yes' && v !== 'no')
          throw new InvalidArgumentError('Skriv yes eller no (yes or no).');
        return v;
      },
    )
    .option('--enable', 'turn SAML sign-in on')
    .option('--disable', 'turn SAML sign-in off, keeping the settings')
    .option('--remove', 'forget the settings (passwords work again)')
    .action(async (flags: import('./sso-saml.command.js').SsoSamlFlags) => {
      const { ssoSamlCommand } = await import('./sso-saml.command.js');
      exit.code = await ssoSamlCommand(flags);
    });

  command(
    'sso-oidc',
    "Set a municipality's OpenID Connect sign-in; the client secret is read from SAMSPIL_OIDC_CLIENT_SECRET",
  )
    .requiredOption('--municipality <SLUG>', 'the municipality')
    .requiredOption('--issuer <URL>', "the provider's issuer URL")
    .requiredOption('--client-id <ID>', "Samspil's client id at the provider")
    .option('--email-claim <NAME>', 'the claim holding the e-mail (default email)')
    .option('--role-claim <NAME>', 'the claim holding roles or groups')
    .option(
      '--role-map <VALUE=ROLE,…>',
      'claim values to Samspil roles (admin, analytiker, leder, sagsbehandler)',
    )
    .option('--domain <DOMAIN,…>', 'the e-mail domains that sign in here')
    .option('--no-passwords', "refuse local passwords for the municipality's staff")
    .option('--citizen', 'set the MitID broker for citizens instead of the staff provider')
    .option(
      '--cpr-claim <NAME>',
      'with --citizen: the claim holding the CPR number (default dk:gov:cpr)',
    )
    .action(async (flags: import('./sso-oidc.command.js').SsoOidcFlags) => {
      const { ssoOidcCommand } = await import('./sso-oidc.command.js');
      exit.code = await ssoOidcCommand(flags, process.env.SAMSPIL_OIDC_CLIENT_SECRET);
    });

  command('analyze', 'Analyse a long CSV of answers (see docs/analysis.md)')
    .argument('<FILE>', 'the long CSV of answers')
    .option('--json', 'JSON som beskrevet i ANALYSIS.md (JSON as in ANALYSIS.md)')
    .option(
      '--min-group <N>',
      'mindste gruppe, mindst 3 (smallest group shown, at least 3; default 5)',
      numberArg(true),
    )
    .option(
      '--high <X>',
      'grænse for høj relationel kapacitet (high threshold; default 4.0)',
      numberArg(false),
    )
    .option(
      '--low <Y>',
      'grænse for lav relationel kapacitet (low threshold; default 3.5)',
      numberArg(false),
    )
    .action(
      async (
        file: string,
        flags: { json?: boolean; minGroup?: number; high?: number; low?: number },
      ) => {
        const { analyzeCommand } = await import('./analyze.command.js');
        const options = {
          ...(flags.minGroup === undefined ? {} : { minGroup: flags.minGroup }),
          ...(flags.high === undefined ? {} : { high: flags.high }),
          ...(flags.low === undefined ? {} : { low: flags.low }),
        };
        exit.code = await analyzeCommand({ file, json: flags.json === true, options }, out);
      },
    );

  command('backup', 'Back up the database (PostgreSQL: pg_dump; embedded: stop the app first)')
    .argument('<FILE>', 'where to write the backup')
    .action(async (file: string) => {
      const [{ backupCommand }, { loadConfig }] = await Promise.all([
        import('./backup.command.js'),
        import('../server/config.js'),
      ]);
      exit.code = await backupCommand(file, loadConfig());
    });

  command('restore', 'Restore a backup into an empty database')
    .argument('<FILE>', 'the backup to restore')
    .option('--force', 'replace the embedded database in DATA_DIR (the old one is kept aside)')
    .action(async (file: string, flags: { force?: boolean }) => {
      const [{ restoreCommand }, { loadConfig }] = await Promise.all([
        import('./backup.command.js'),
        import('../server/config.js'),
      ]);
      exit.code = await restoreCommand(file, flags, loadConfig());
    });

  command(
    'migrate-to-postgres',
    'Copy the embedded database in DATA_DIR into an empty PostgreSQL database',
  )
    .argument('<URL>', 'the target, postgres://… or postgresql://…')
    .action(async (url: string) => {
      const [{ migrateToPostgresCommand }, { loadConfig }] = await Promise.all([
        import('./backup.command.js'),
        import('../server/config.js'),
      ]);
      exit.code = await migrateToPostgresCommand(url, loadConfig());
    });

  return root;
}

/** Commander's message ("error: unknown option '--x'") as one line naming the command. */
function usageLine(command: string, message: string): string {
  const text = message
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ');
  return `${command}: ${text} (see ${command} --help)`;
}

/**
 * The message for a failure the user can act on, with its exit code; `undefined` for an
 * unexpected error. The error classes are loaded only now, so a run that succeeds never
 * pays for them.
 */
async function describeFailure(
  error: unknown,
): Promise<{ message: string; code: number } | undefined> {
  if (error instanceof CliInputError) return { message: error.message, code: 2 };
  // A system error (a file that is not there, a refused connection) says enough as it is.
  if (error instanceof Error && 'syscall' in error) return undefined;
  const [
    { ConfigError },
    { AppError },
    { BackupError },
    { DataDirLockedError },
    { KeyMismatchError },
    { MunicipalityInputError },
  ] = await Promise.all([
    import('../server/config.js'),
    import('../kernel/errors.js'),
    import('../db/backup.js'),
    import('../db/data-dir-lock.js'),
    import('../db/key-check.js'),
    import('../municipality/municipality.service.js'),
  ]);
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof KeyMismatchError ||
    error instanceof BackupError
  ) {
    return { message: error.message, code: 1 };
  }
  if (error instanceof MunicipalityInputError) return { message: error.message, code: 2 };
  if (error instanceof AppError) {
    return { message: `${error.messages.en} (${error.messages.da})`, code: 1 };
  }
  return undefined;
}

/** Run the CLI with the given arguments (without `node samspil`); returns the exit code. */
export async function main(argv: string[], out: CommandOutput = consoleOutput): Promise<number> {
  const exit = { code: 0 };
  try {
    await program(out, exit).parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; `samspil` alone shows the help and exits 2 like any usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    const known = await describeFailure(error);
    if (known) {
      out.stderr(known.message);
      return known.code;
    }
    // Unexpected (a file that cannot be read, a database that is down…): one line, no stack.
    const message = error instanceof Error ? error.message : String(error);
    out.stderr(`samspil: ${message}`);
    return 1;
  }
}
