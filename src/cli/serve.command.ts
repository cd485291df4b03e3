/** `samspil serve`: the web app, its background worker and the first-start preparation. */
import { outboxTransport, smtpTransport } from '../mail/mail-transport.js';
import { smsTransportFor } from '../mail/sms-transport.js';
import { buildApp } from '../server/app.js';
import { createWorker } from '../server/background.js';
import { loadConfig } from '../server/config.js';
import { demoLoginText, prepareFirstStart } from './first-start.js';
import { openConfiguredDatabase } from './open.js';

/** Start the web app on the configured port; it runs until SIGINT or SIGTERM. */
export async function serveCommand(): Promise<void> {
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
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
