/**
 * The demo's course journal and information register (docs/journal.md), so a newcomer sees
 * the Journal tab filled in: on Mikkel's course the coordinator and the addiction centre's
 * professional (who has his consent) have written dated entries, one corrected by its
 * author, and a medical certificate and a psychiatric assessment are registered as obtained.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertEntry, insertInformation } from '../journal/journal.repository.js';

/** Days before today an entry was written, its author (index in `people`) and text. */
const ENTRIES: { daysAgo: number; author: 0 | 1; text: string; earlier?: string }[] = [
  {
    daysAgo: 55,
    author: 0,
    text: 'Første netværksmøde. Mikkel fortalte sin historie én gang med alle parter til stede. Vi aftalte, at alle skriver her, så han ikke skal fortælle den igen.',
  },
  {
    daysAgo: 38,
    author: 1,
    text: 'Mikkel er startet i ambulant behandling og møder stabilt op to gange om ugen.',
    earlier: 'Mikkel er startet i ambulant behandling og møder stabilt op.',
  },
  {
    daysAgo: 12,
    author: 0,
    text: 'Lægeerklæring og psykiatrisk udredning ligger i sagen (se indhentede oplysninger). Jobcentret bruger dem i afklaringen i stedet for at bestille nye.',
  },
];

/** Write the demo's journal entries and obtained information on Mikkel's course. */
export async function createDemoJournal(
  db: Kysely<Database>,
  municipalityId: string,
  courseId: string,
  sources: { doctor: string; psychiatry: string },
  people: readonly { email: string; name: string; unit: string }[],
): Promise<void> {
  const authors = [];
  for (const person of people) {
    authors.push(
      await db
        .selectFrom('app_user')
        .where('municipality_id', '=', municipalityId)
        .where('email', '=', person.email)
        .select('id')
        .executeTakeFirstOrThrow()
        .then((u) => ({ id: u.id, name: person.name, unit: person.unit })),
    );
  }
  for (const entry of ENTRIES) {
    const author = authors[entry.author]!;
    const written = new Date(Date.now() - entry.daysAgo * 86_400_000);
    const { id } = await insertEntry(db, {
      municipality_id: municipalityId,
      course_id: courseId,
      member_id: null,
      author_id: author.id,
      author_name: author.name,
      author_unit_name: author.unit,
      text: entry.text,
      history: JSON.stringify(
        entry.earlier
          ? [
              {
                text: entry.earlier,
                replacedAt: new Date(written.getTime() + 300_000).toISOString(),
              },
            ]
          : [],
      ),
      corrected_at: entry.earlier ? new Date(written.getTime() + 300_000) : null,
    });
    // The demo's entries are dated in the past; the column is otherwise the database's.
    await sql`UPDATE journal_entry SET created_at = ${written} WHERE id = ${id}`.execute(db);
  }
  const day = (daysAgo: number) =>
    new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const sara = authors[0]!;
  for (const info of [
    { what: 'Lægeerklæring', source: sources.doctor, name: 'Lægehuset Torvet', daysAgo: 40 },
    {
      what: 'Psykiatrisk udredning (ADHD)',
      source: sources.psychiatry,
      name: 'Psykiatrisk ambulatorium',
      daysAgo: 20,
    },
  ]) {
    await insertInformation(db, {
      municipality_id: municipalityId,
      course_id: courseId,
      member_id: null,
      what: info.what,
      source_party_id: info.source,
      source_name: info.name,
      obtained_on: day(info.daysAgo),
      kept_at: `ESDH, sag 27.24.00-G01-${info.daysAgo}-26`,
      registered_by: sara.id,
      registered_by_name: sara.name,
      registered_by_unit_name: sara.unit,
    });
  }
}
