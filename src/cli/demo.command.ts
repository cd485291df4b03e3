/** `samspil demo`: create the demo municipality if it does not exist. */
import { DEMO_MUNICIPALITY } from '../demo/demo-organisation.js';
import { createDemoMunicipality } from '../demo/demo.service.js';
import { loadConfig } from '../server/config.js';
import { demoLoginText } from './first-start.js';
import { withDatabase } from './open.js';

/** Create the demo municipality once; a second call only says it exists. */
export async function demoCommand(): Promise<number> {
  const config = loadConfig();
  await withDatabase(config, async ({ db }) => {
    const exists = await db
      .selectFrom('municipality')
      .select('id')
      .where('slug', '=', DEMO_MUNICIPALITY.slug)
      .executeTakeFirst();
    if (exists) {
      console.log('The demo municipality exists already.');
      return;
    }
    await createDemoMunicipality(db, undefined, config.cprKey);
    console.log(`Created "${DEMO_MUNICIPALITY.name}".\n${demoLoginText()}`);
  });
  return 0;
}
