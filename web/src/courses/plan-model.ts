/** The plan document on the client: starting parts, new ids, and the checks before saving. */
import type { Member, Plan, PlanAction, PlanPart, SubGoal } from './courses-api.js';
import { MAX_TEXT } from './course-form-help.js';

/** A fresh id for a sub-goal or an action (the server keeps the ids the client gives). */
export function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // Outside a secure context `randomUUID` is missing; build a v4 UUID from random bytes.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const emptyAction = (start: string): PlanAction => ({
  id: newId(),
  text: '',
  responsiblePartyId: '',
  law: 'serviceloven',
  paragraph: '',
  start,
  end: '',
  status: 'planlagt',
  statusReason: '',
});

export const emptySubGoal = (): SubGoal => ({ id: newId(), text: '', actions: [] });

/**
 * The plan with one part per member who should have one, in member order: an individual
 * course has the citizen's part only, a family course one part (sub-plan) per member.
 */
export function withParts(plan: Plan, members: Member[], family: boolean): Plan {
  const wanted = family ? members : members.slice(0, 1);
  const byMember = new Map(plan.parts.map((p) => [p.memberId, p]));
  const parts: PlanPart[] = wanted.map(
    (m) => byMember.get(m.id) ?? { memberId: m.id, dreams: '', goal: '', subGoals: [] },
  );
  // Parts of members the reader cannot place are kept as they are, never dropped.
  for (const part of plan.parts) if (!wanted.some((m) => m.id === part.memberId)) parts.push(part);
  return { parts };
}

/** What the server does not store: empty optional texts become absent. */
export function cleanPlan(plan: Plan): Plan {
  return {
    parts: plan.parts.map((part) => ({
      ...part,
      subGoals: part.subGoals.map((sg) => ({
        ...sg,
        actions: sg.actions.map((a) => {
          const { statusReason, paragraph, ...rest } = a;
          return {
            ...rest,
            start: a.start || null,
            end: a.end || null,
            ...(paragraph ? { paragraph } : {}),
            ...(a.status === 'opgivet' ? { statusReason: statusReason ?? '' } : {}),
          };
        }),
      })),
    })),
  };
}

export type PlanProblem =
  'text.missing' | 'text.tooLong' | 'responsible.missing' | 'end.beforeStart' | 'reason.missing';

/**
 * Problems the server would refuse, keyed `<field id>` (the id of the goal, sub-goal or
 * action plus the field name), so each can be shown at its field.
 */
export function planProblems(plan: Plan): Map<string, PlanProblem> {
  const found = new Map<string, PlanProblem>();
  const long = (key: string, text: string) => {
    if (text.length > MAX_TEXT) found.set(key, 'text.tooLong');
  };
  for (const part of plan.parts) {
    long(`${part.memberId}.dreams`, part.dreams);
    long(`${part.memberId}.goal`, part.goal);
    for (const sg of part.subGoals) {
      if (sg.text.trim() === '') found.set(`${sg.id}.text`, 'text.missing');
      long(`${sg.id}.text`, sg.text);
      for (const a of sg.actions) {
        if (a.text.trim() === '') found.set(`${a.id}.text`, 'text.missing');
        long(`${a.id}.text`, a.text);
        if (a.responsiblePartyId === '') found.set(`${a.id}.responsible`, 'responsible.missing');
        if (a.start && a.end && a.end < a.start) found.set(`${a.id}.end`, 'end.beforeStart');
        if (a.status === 'opgivet' && (a.statusReason ?? '').trim() === '')
          found.set(`${a.id}.reason`, 'reason.missing');
      }
    }
  }
  return found;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A three-way merge after a conflicting save: per sub-plan field (dreams, goal, the
 * sub-goals as a whole), what only the other person changed is taken from theirs and
 * what the user changed is kept. `overlaps` counts fields both changed (the user's wins).
 */
export function mergePlans(base: Plan, mine: Plan, theirs: Plan): { plan: Plan; overlaps: number } {
  let overlaps = 0;
  const pick = <T>(b: T | undefined, m: T, t: T | undefined): T => {
    if (t === undefined || same(m, b)) return t ?? m;
    if (!same(t, b) && !same(t, m)) overlaps += 1;
    return m;
  };
  const find = (plan: Plan, memberId: string) => plan.parts.find((p) => p.memberId === memberId);
  const parts = mine.parts.map((m) => {
    const b = find(base, m.memberId);
    const t = find(theirs, m.memberId);
    return {
      memberId: m.memberId,
      dreams: pick(b?.dreams, m.dreams, t?.dreams),
      goal: pick(b?.goal, m.goal, t?.goal),
      subGoals: pick(b?.subGoals, m.subGoals, t?.subGoals),
    };
  });
  // Sub-plans only the other person has (a member added meanwhile) are kept too.
  for (const t of theirs.parts) if (!find(mine, t.memberId)) parts.push(t);
  return { plan: { parts }, overlaps };
}
