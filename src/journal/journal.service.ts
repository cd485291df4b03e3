/**
 * The course journal and the register of information already obtained (docs/journal.md).
 * Both follow the course's access model (`course-access.ts`): full access reads all,
 * consent access only what concerns the members the consent covers (an entry about the
 * course as a whole concerns the main citizen), minimal access none. Everyone who reads may
 * also write, about what they may read. Entries are append-only: only the author may
 * correct one, within `CORRECTION_MINUTES`, keeping the earlier text, or mark it as wrong.
 * Every read and change is audit-logged per citizen.
 */
import { CORRECTION_MINUTES, DUPLICATE_MONTHS } from '../../contract/journal.js';
import type {
  CourseJournal,
  InformationInput,
  JournalEntry,
  JournalEntryInput,
  ObtainedInformation,
} from '../../contract/journal.schema.js';
import type { AuthUser } from '../auth/auth.service.js';
import {
  danishToday,
  loadReadableCourse,
  requireOpen,
  type CourseContext,
} from '../courses/course-access.js';
import { auditCitizens } from '../courses/course-audit.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { partyView } from '../courses/course-view.js';
import type { Db } from '../db/db.js';
import type { Citizen } from '../db/tables/citizen.table.js';
import type { JournalEntryRow, ObtainedInformationRow } from '../db/tables/journal.table.js';
import { AppError, badRequest, conflict, notFound } from '../kernel/errors.js';
import { addMonths } from '../progression/occasions.js';
import * as repo from './journal.repository.js';

const mainIdOf = (members: Pick<Citizen, 'id' | 'relation'>[]) =>
  members.find((m) => m.relation === 'borger')?.id ?? null;

/** The citizen a row concerns: its member, or the main citizen for the course as a whole. */
const concerns = (context: CourseContext, memberId: string | null) =>
  memberId ?? mainIdOf(context.members);

/** Whether the reader may see (and write) what concerns `memberId` (null: the course as a whole). */
function covers(context: CourseContext, memberId: string | null): boolean {
  if (context.access.level === 'full') return true;
  const citizen = concerns(context, memberId);
  return citizen !== null && context.access.memberIds.has(citizen);
}

/** Load a course whose journal the user may read: minimal access is refused with a reason. */
async function loadReadable(deps: CourseDeps, user: AuthUser, courseId: string) {
  return loadReadableCourse(deps.db, user, courseId, {
    da: 'Du har ikke samtykke til at læse forløbets journal.',
    en: "You have no consent to read the course's journal.",
  });
}

const memberName = (context: CourseContext, id: string | null) =>
  id === null ? null : (context.members.find((m) => m.id === id)?.name ?? null);

/** An entry's "marked as wrong": when and why, or null. */
const wrongOf = (row: Pick<JournalEntryRow, 'wrong_at' | 'wrong_reason'>) =>
  row.wrong_at && row.wrong_reason !== null
    ? { at: row.wrong_at.toISOString(), reason: row.wrong_reason }
    : null;

function entryView(context: CourseContext, row: JournalEntryRow, now: Date): JournalEntry {
  const mine = row.author_id === context.actor.userId;
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    authorName: row.author_name,
    authorUnit: row.author_unit_name,
    memberId: row.member_id,
    memberName: memberName(context, row.member_id),
    text: row.text,
    correctedAt: row.corrected_at?.toISOString() ?? null,
    history: row.history,
    wrong: wrongOf(row),
    canCorrect: mine && row.wrong_at === null && withinCorrectionWindow(row.created_at, now),
    canMarkWrong: mine && row.wrong_at === null,
  };
}

function informationView(context: CourseContext, row: ObtainedInformationRow): ObtainedInformation {
  return {
    id: row.id,
    what: row.what,
    sourcePartyId: row.source_party_id,
    sourceName: row.source_name,
    obtainedOn: row.obtained_on,
    keptAt: row.kept_at,
    memberId: row.member_id,
    memberName: memberName(context, row.member_id),
    registeredBy: row.registered_by_name,
    registeredByUnit: row.registered_by_unit_name,
    registeredAt: row.created_at.toISOString(),
  };
}

const withinCorrectionWindow = (createdAt: Date, now: Date) =>
  now.getTime() - createdAt.getTime() <= CORRECTION_MINUTES * 60_000;

/** The journal and the register as this user may see them, without auditing. */
async function journalOf(deps: CourseDeps, context: CourseContext): Promise<CourseJournal> {
  const { actor, course } = context;
  const [entries, information] = await Promise.all([
    repo.listEntries(deps.db, actor.municipalityId, course.id),
    repo.listInformation(deps.db, actor.municipalityId, course.id),
  ]);
  const now = new Date();
  const open = course.status === 'open';
  return {
    access: context.access.level === 'full' ? 'full' : 'consent',
    canWrite: open,
    canWriteCourseWide: open && covers(context, null),
    members: context.members
      .filter((m) => covers(context, m.id))
      .map((m) => ({ id: m.id, name: m.name })),
    correctionMinutes: CORRECTION_MINUTES,
    entries: entries
      .filter((e) => covers(context, e.member_id))
      .map((e) => entryView(context, e, now)),
    information: information
      .filter((i) => covers(context, i.member_id))
      .map((i) => informationView(context, i)),
  };
}

/** The citizens a reader's view of the journal concerns: one audit entry each. */
const citizensRead = (context: CourseContext) =>
  context.members.filter((m) => covers(context, m.id)).map((m) => m.id);

/** A course's journal and information register for a user with access (audited per citizen). */
export async function getJournal(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
): Promise<CourseJournal> {
  const context = await loadReadable(deps, user, courseId);
  const journal = await journalOf(deps, context);
  await auditCitizens(deps.db, context.actor, 'journal.read', courseId, citizensRead(context), {
    detail: { entries: journal.entries.length, information: journal.information.length },
  });
  return journal;
}

/** Check the member a new row concerns: one of the course's, and one the writer may see. */
function checkConcerns(context: CourseContext, memberId: string | null): void {
  if (memberId !== null && !context.members.some((m) => m.id === memberId)) {
    throw badRequest({
      da: 'Personen er ikke med i forløbet.',
      en: 'The person is not a member of the course.',
    });
  }
  if (!covers(context, memberId)) {
    throw new AppError(403, 'forbidden', {
      da:
        memberId === null
          ? 'Dit samtykke dækker ikke hele forløbet. Vælg den person, notatet handler om.'
          : 'Dit samtykke dækker ikke denne person.',
      en:
        memberId === null
          ? 'Your consent does not cover the whole course. Choose the person the entry is about.'
          : 'Your consent does not cover this person.',
    });
  }
}

/** Load a course the user may write in: they may read it, and it is open. */
async function loadWritable(deps: CourseDeps, user: AuthUser, courseId: string) {
  const context = await loadReadable(deps, user, courseId);
  requireOpen(context);
  return context;
}

/** Who writes, as the journal keeps it: their name and their unit today. */
async function authorOf(deps: CourseDeps, context: CourseContext) {
  const { actor } = context;
  return {
    name: actor.name,
    unit: actor.unitId ? await repo.unitName(deps.db, actor.municipalityId, actor.unitId) : null,
  };
}

/** Write a new journal entry (audited); answers the journal. */
export async function writeEntry(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: JournalEntryInput,
): Promise<CourseJournal> {
  const context = await loadWritable(deps, user, courseId);
  const memberId = input.memberId ?? null;
  checkConcerns(context, memberId);
  const author = await authorOf(deps, context);
  await deps.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertEntry(trx, {
      municipality_id: context.actor.municipalityId,
      course_id: courseId,
      member_id: memberId,
      author_id: context.actor.userId,
      author_name: author.name,
      author_unit_name: author.unit,
      text: input.text.trim(),
    });
    await auditEntry(trx, context, 'journal.create', id, memberId);
  });
  return getJournal(deps, user, courseId);
}

async function auditEntry(
  db: Db,
  context: CourseContext,
  action: 'journal.create' | 'journal.correct' | 'journal.mark-wrong',
  entryId: string,
  memberId: string | null,
) {
  const citizen = concerns(context, memberId);
  await auditCitizens(db, context.actor, action, context.course.id, citizen ? [citizen] : [], {
    detail: { entryId },
  });
}

const entryNotFound = () =>
  notFound({ da: 'Notatet findes ikke.', en: 'The entry does not exist.' });

/**
 * Change one of the author's own entries in a transaction: `change` checks the entry and
 * writes the change. Someone else's entry is refused (append-only for others).
 */
async function changeOwnEntry(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  entryId: string,
  action: 'journal.correct' | 'journal.mark-wrong',
  change: (db: Db, entry: JournalEntryRow, now: Date) => Promise<void>,
): Promise<CourseJournal> {
  const context = await loadWritable(deps, user, courseId);
  await deps.db.transaction().execute(async (trx) => {
    const entry = await repo.findEntryForUpdate(
      trx,
      context.actor.municipalityId,
      courseId,
      entryId,
    );
    if (!entry || !covers(context, entry.member_id)) throw entryNotFound();
    if (entry.author_id !== context.actor.userId) {
      throw new AppError(403, 'forbidden', {
        da: 'Kun den, der skrev notatet, kan rette det eller markere det som forkert. Skriv et nyt notat i stedet.',
        en: 'Only the author of the entry can correct it or mark it as wrong. Write a new entry instead.',
      });
    }
    if (entry.wrong_at !== null) {
      throw conflict({
        da: 'Notatet er markeret som forkert og kan ikke ændres. Skriv et nyt notat i stedet.',
        en: 'The entry is marked as wrong and cannot be changed. Write a new entry instead.',
      });
    }
    await change(trx, entry, new Date());
    await auditEntry(trx, context, action, entry.id, entry.member_id);
  });
  return getJournal(deps, user, courseId);
}

/** The author corrects their entry within the correction window; the earlier text is kept. */
export function correctEntry(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  entryId: string,
  text: string,
): Promise<CourseJournal> {
  return changeOwnEntry(
    deps,
    user,
    courseId,
    entryId,
    'journal.correct',
    async (db, entry, now) => {
      if (!withinCorrectionWindow(entry.created_at, now)) {
        throw conflict({
          da: `Et notat kan kun rettes de første ${CORRECTION_MINUTES} minutter. Markér det som forkert, og skriv et nyt.`,
          en: `An entry can only be corrected in its first ${CORRECTION_MINUTES} minutes. Mark it as wrong and write a new one.`,
        });
      }
      const history = [...entry.history, { text: entry.text, replacedAt: now.toISOString() }];
      await repo.correctEntry(db, entry.municipality_id, entry.id, text.trim(), history, now);
    },
  );
}

/** The author marks their entry as wrong, saying why; the text stays readable, struck through. */
export function markEntryWrong(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  entryId: string,
  reason: string,
): Promise<CourseJournal> {
  return changeOwnEntry(deps, user, courseId, entryId, 'journal.mark-wrong', (db, entry, now) =>
    repo.markEntryWrong(db, entry.municipality_id, entry.id, reason.trim(), now),
  );
}

/** Compare kinds and source names as people type them: case, spaces and punctuation aside. */
const normalise = (s: string) =>
  s
    .toLocaleLowerCase('da-DK')
    .replace(/[\s.,;:\-–]+/g, ' ')
    .trim();

/**
 * The earlier registration this one repeats, if any: the same kind of information from the
 * same source (the same network party, or the same name) about the same person, obtained
 * less than `DUPLICATE_MONTHS` before or after.
 */
export function findDuplicate<
  R extends Pick<
    ObtainedInformationRow,
    'member_id' | 'what' | 'source_party_id' | 'source_name' | 'obtained_on'
  >,
>(
  existing: R[],
  candidate: Pick<R, 'member_id' | 'what' | 'source_party_id' | 'source_name' | 'obtained_on'>,
): R | undefined {
  const from = addMonths(candidate.obtained_on, -DUPLICATE_MONTHS);
  const to = addMonths(candidate.obtained_on, DUPLICATE_MONTHS);
  return existing.find(
    (row) =>
      row.member_id === candidate.member_id &&
      normalise(row.what) === normalise(candidate.what) &&
      ((row.source_party_id !== null && row.source_party_id === candidate.source_party_id) ||
        normalise(row.source_name) === normalise(candidate.source_name)) &&
      row.obtained_on > from &&
      row.obtained_on < to,
  );
}

/**
 * Register information already obtained (audited). A repeat of an earlier registration
 * (`findDuplicate`) is answered 409 with the earlier one in `details.duplicateOf`, unless
 * `confirmDuplicate` says it is meant.
 */
export async function registerInformation(
  deps: CourseDeps,
  user: AuthUser,
  courseId: string,
  input: InformationInput,
): Promise<CourseJournal> {
  const context = await loadWritable(deps, user, courseId);
  const memberId = input.memberId ?? null;
  checkConcerns(context, memberId);
  let sourceName = input.sourceName?.trim() ?? '';
  const partyId = input.sourcePartyId ?? null;
  if (partyId !== null) {
    const party = context.parties.find((p) => p.id === partyId);
    if (!party) {
      throw badRequest({
        da: 'Kilden er ikke en part i forløbets netværk.',
        en: "The source is not a party of the course's network.",
      });
    }
    sourceName = partyView(party).name;
  }
  if (sourceName === '') {
    throw badRequest({
      da: 'Angiv, hvem oplysningen er indhentet fra.',
      en: 'Say whom the information was obtained from.',
    });
  }
  if (input.obtainedOn > danishToday()) {
    throw badRequest({
      da: 'Datoen ligger i fremtiden. Registrér oplysningen, når den er indhentet.',
      en: 'The date is in the future. Register the information once it has been obtained.',
    });
  }
  const author = await authorOf(deps, context);
  const row = {
    municipality_id: context.actor.municipalityId,
    course_id: courseId,
    member_id: memberId,
    what: input.what.trim(),
    source_party_id: partyId,
    source_name: sourceName,
    obtained_on: input.obtainedOn,
    kept_at: input.keptAt.trim(),
    registered_by: context.actor.userId,
    registered_by_name: author.name,
    registered_by_unit_name: author.unit,
  };
  await deps.db.transaction().execute(async (trx) => {
    // Locked, so a registration at the same moment sees this one and is warned too.
    await repo.lockCourse(trx, context.actor.municipalityId, courseId);
    const existing = await repo.listInformation(trx, context.actor.municipalityId, courseId);
    const duplicate = findDuplicate(existing, row);
    if (duplicate && input.confirmDuplicate !== true) {
      throw conflict(
        {
          da: `${duplicate.what} fra ${duplicate.source_name} er allerede indhentet ${duplicate.obtained_on} og opbevares: ${duplicate.kept_at}. Brug den, eller bekræft, at en ny er nødvendig.`,
          en: `${duplicate.what} from ${duplicate.source_name} was already obtained on ${duplicate.obtained_on} and is kept at: ${duplicate.kept_at}. Use it, or confirm that a new one is needed.`,
        },
        { duplicateOf: informationView(context, duplicate) },
      );
    }
    const { id } = await repo.insertInformation(trx, row);
    const citizen = concerns(context, memberId);
    await auditCitizens(
      trx,
      context.actor,
      'information.create',
      courseId,
      citizen ? [citizen] : [],
      { detail: { informationId: id, duplicate: duplicate !== undefined } },
    );
  });
  return getJournal(deps, user, courseId);
}

/**
 * What a member's access request (indsigt) shows of the journal and the register: what
 * concerns them, and for the main citizen what concerns the course as a whole. Staff names
 * are left out when `hideStaff`. Auditing is the access request's.
 */
export async function journalForAccessRequest(
  db: Db,
  municipalityId: string,
  courseId: string,
  member: Pick<Citizen, 'id' | 'relation'>,
  hideStaff: boolean,
) {
  const about = (memberId: string | null) =>
    memberId === member.id || (memberId === null && member.relation === 'borger');
  const staff = (name: string | null) => (hideStaff ? null : name);
  const [entries, information] = await Promise.all([
    repo.listEntries(db, municipalityId, courseId),
    repo.listInformation(db, municipalityId, courseId),
  ]);
  return {
    journal: entries
      .filter((e) => about(e.member_id))
      .map((e) => ({
        createdAt: e.created_at.toISOString(),
        authorName: staff(e.author_name),
        authorUnit: e.author_unit_name,
        text: e.text,
        history: e.history,
        wrong: wrongOf(e),
      })),
    information: information
      .filter((i) => about(i.member_id))
      .map((i) => ({
        what: i.what,
        sourceName: i.source_name,
        obtainedOn: i.obtained_on,
        keptAt: i.kept_at,
        registeredBy: staff(i.registered_by_name),
      })),
  };
}
