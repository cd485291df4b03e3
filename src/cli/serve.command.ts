/** `samspil serve`: the web app, its background worker and the first-start preparation. */
import { smsTransportFor } from '../mail/sms-transport.js';
import { loadConfig } from '../server/config.js';
import { openConfiguredDatabase } from './open.js';

/** The modules of the app itself, loaded while the database opens. */
async function appModules() {
  const [mailTransport, app, background, firstStart] = await Promise.all([
    import('../mail/mail-transport.js'),
    import('../server/app.js'),
    import('../server/background.js'),
    import('./first-start.js'),
  ]);
  return { ...mailTransport, ...app, ...background, ...firstStart };
}

/** Start the web app on the configured port; it runs until SIGINT or SIGTERM. */
export async function serveCommand(): Promise<void> {
  const config = loadConfig();
  // Opening PGlite reads and compiles its WebAssembly off the main thread for a while:
  // load the server's modules meanwhile rather than after (bench/README.md, `npm start`).
  const opening = openConfiguredDatabase(config);
  const loading = appModules();
  // Reported below; moot when the database does not open (wrong keys end the start at once).
  loading.catch(() => {});
  const handle = await opening;
  let modules: Awaited<typeof loading>;
  try {
    modules = await loading;
  } catch (error) {
    await handle.close();
    throw error;
  }
  const { outboxTransport, smtpTransport, buildApp, createWorker } = modules;
  const { demoLoginText, prepareFirstStart } = modules;
  let closing = false;
  const mail = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : outboxTransport;
  const sms = smsTransportFor(config);
  const app = await buildApp({
    config,
    db: handle.db,
    mail,
    sms,
    notifier: handle.notifier,
    logger: true,
    poolStats: handle.poolStats,
  });
  const worker = createWorker(handle.db, mail, { sms });
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
