// The peer of a warm start in start.bench.ts: open the same PGlite data directory, run one
// query, and answer GET / like the app's page, with nothing else of the app.
import { createServer } from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create({ dataDir: path.join(process.env.DATA_DIR, 'pglite') });
await db.query('select 1');
const server = createServer((_request, response) => response.end('<div id="root"></div>'));
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void db.close().then(() => process.exit(0));
});
