/**
 * The HTTP contract of the citizen's own view: the staff side (links, activity, the citizen
 * scale) under /api/courses/:id and the citizen's side under /api/borger.
 */
import { z } from 'zod';
import { CITIZEN_MESSAGE_KINDS, DEFAULT_LINK_DAYS } from './citizen-view.js';
import { COURSE_KINDS, MEMBER_RELATIONS } from './courses.js';
import { courseParams, requiredText } from './en-plan.schema.js';
import { MESSAGE_CHANNELS } from './mail.js';
import { MEETING_KINDS } from './meetings.js';
import { ACTION_STATUSES, LAWS } from './plans.js';
import { progressionAnswers, progressionSchema } from './progression.schema.js';

/** `/api/courses/:id/citizen-links/:linkId`. */
export const citizenLinkParams = courseParams.extend({ linkId: z.uuid() });
/** `/api/borger/:courseId/:token`: the personal link. */
export const personalLinkParams = z.object({
  courseId: z.uuid(),
  token: z.string().min(20).max(100),
});

// ---------- requests ----------

/** `POST /api/courses/:id/citizen-links`: the main citizen unless a member is named. */
export const citizenLinkInput = z.object({
  memberId: z.uuid().optional(),
  validDays: z.number().int().min(1).max(90).default(DEFAULT_LINK_DAYS),
});
export type CitizenLinkInput = z.infer<typeof citizenLinkInput>;

/** `POST /api/courses/:id/citizen-scale`. */
export const citizenScaleRequestInput = z.object({ memberId: z.uuid().optional() });

/**
 * `POST /api/borger/:courseId/:token/code`: without `again`, a code that is still valid is
 * kept (nothing is sent); `again: true` sends a new one, which replaces it.
 */
export const codeRequestInput = z
  .object({ again: z.boolean().default(false) })
  .optional()
  .describe('Ask for a new code even though one is still valid');

/** `POST /api/borger/:courseId/:token/session`. */
export const citizenCodeInput = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') });

/** `POST /api/borger/me/messages`. */
export const citizenMessageInput = z.object({
  kind: z.enum(CITIZEN_MESSAGE_KINDS),
  text: requiredText(2000),
});
export type CitizenMessageInput = z.infer<typeof citizenMessageInput>;

/**
 * `POST /api/borger/me/progression`: one of the instruments due for the citizen's side
 * (`toAnswer` in her view), any item may be skipped. Saving again replaces her own answers
 * (autosave); without `instrumentId`, the main instrument's due occasion, about herself.
 */
export const citizenProgressionInput = z.object({
  instrumentId: z.uuid().optional(),
  /** About whom: herself, or one of her children for a per-child questionnaire. */
  memberId: z.uuid().optional(),
  occasion: z.string().max(20).optional(),
  answers: progressionAnswers,
});

/** One instrument the citizen's side answers now: about whom, when, and her answers so far. */
export const citizenTaskSchema = z.object({
  instrumentId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  occasion: z.string(),
  /** The occasion's date (a session rating: today). */
  due: z.string(),
  /** What her side has answered, or null when not yet. */
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).nullable(),
  /** False when the caseworker recorded her side's answer; then it is shown, not changed. */
  editable: z.boolean(),
});
export type CitizenTask = z.infer<typeof citizenTaskSchema>;
export type CitizenProgressionInput = z.infer<typeof citizenProgressionInput>;

/** `POST /api/borger/me/scale`: 1–5 or "dk" (ved ikke) per item. */
export const citizenScaleInput = z.object({
  answers: z.record(z.string().max(20), z.union([z.number(), z.literal('dk')])),
});

// ---------- responses: staff ----------

/** A link was made and mailed: where to (masked), never the link itself. */
export const citizenLinkSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  sentTo: z.string(),
  expiresAt: z.string(),
});
export type CitizenLink = z.infer<typeof citizenLinkSchema>;

/** The citizen scale was asked. */
export const citizenScaleRequestSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  requestedAt: z.string(),
});
export type CitizenScaleRequest = z.infer<typeof citizenScaleRequestSchema>;

/** What the citizen wrote, the citizen-scale requests and answers, and the links. */
export const citizenActivitySchema = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      memberId: z.string(),
      memberName: z.string(),
      kind: z.enum(CITIZEN_MESSAGE_KINDS),
      text: z.string(),
      createdAt: z.string(),
    }),
  ),
  scales: z.array(
    z.object({
      id: z.string(),
      memberId: z.string(),
      requestedAt: z.string(),
      answeredAt: z.string().nullable(),
      answers: z.record(z.string(), z.union([z.number(), z.literal('dk')])).nullable(),
    }),
  ),
  links: z.array(
    z.object({
      id: z.string(),
      memberId: z.string(),
      createdAt: z.string(),
      expiresAt: z.string(),
      locked: z.boolean(),
      revoked: z.boolean(),
    }),
  ),
});
export type CitizenActivity = z.infer<typeof citizenActivitySchema>;

// ---------- responses: the citizen ----------

/** The code went to this (masked) address or number and lives until `expiresAt`. */
export const codeSentSchema = z.object({
  sentTo: z.string(),
  /** `sms` when the person prefers SMS and SMS is set up; otherwise `email`. */
  channel: z.enum(MESSAGE_CHANNELS),
  expiresInMinutes: z.number(),
  /** ISO time the code stops working. */
  expiresAt: z.string(),
  /** True when this answer sent a new code that replaced one still valid. */
  replaced: z.boolean(),
  /** Seconds until a new code may be asked for (0: now). */
  againInSeconds: z.number(),
});
export type CodeSent = z.infer<typeof codeSentSchema>;

/** `GET /api/borger/:courseId/:token/code-status`: the code waiting to be typed, if any. */
export const codeStatusSchema = z.object({ pending: codeSentSchema.nullable() });
export type CodeStatus = z.infer<typeof codeStatusSchema>;

/** The code was right: the session cookie is set until `expiresAt`. */
export const citizenSessionSchema = z.object({ ok: z.literal(true), expiresAt: z.string() });
export type CitizenSession = z.infer<typeof citizenSessionSchema>;

/** An action as the citizen sees it: who is a name, not a party id. */
export const citizenActionSchema = z.object({
  id: z.string(),
  text: z.string(),
  who: z.string(),
  status: z.enum(ACTION_STATUSES),
  start: z.string().nullable(),
  end: z.string().nullable(),
  law: z.enum(LAWS),
  paragraph: z.string(),
});
export type CitizenAction = z.infer<typeof citizenActionSchema>;

/** What the citizen sees of their course: their part and their children's, no one else's. */
export const citizenViewSchema = z.object({
  course: z.object({ id: z.string(), kind: z.enum(COURSE_KINDS), startDate: z.string() }),
  me: z.object({ memberId: z.string(), name: z.string(), relation: z.enum(MEMBER_RELATIONS) }),
  planVersion: z.number(),
  parts: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      dreams: z.string(),
      goal: z.string(),
      subGoals: z.array(
        z.object({ id: z.string(), text: z.string(), actions: z.array(citizenActionSchema) }),
      ),
    }),
  ),
  nextSteps: z.array(citizenActionSchema),
  coordinator: z.object({ name: z.string(), unitName: z.string(), email: z.string() }).nullable(),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      task: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      responseTime: z.string(),
    }),
  ),
  nextMeeting: z
    .object({
      id: z.string(),
      kind: z.enum(MEETING_KINDS),
      title: z.string(),
      startsAt: z.string(),
      durationMinutes: z.number(),
      place: z.string(),
      agenda: z.string(),
    })
    .nullable(),
  progression: progressionSchema,
  /** Every instrument due for her side on the course's current occasion, in the course's order. */
  toAnswer: z.array(citizenTaskSchema),
  scale: z
    .object({ id: z.string(), items: z.array(z.object({ id: z.string(), text: z.string() })) })
    .nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(CITIZEN_MESSAGE_KINDS),
      text: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type CitizenView = z.infer<typeof citizenViewSchema>;

/** `GET /api/borger/current`: the citizen's own view, or null before a code was entered. */
export const citizenCurrentSchema = z.object({ view: citizenViewSchema.nullable() });
export type CitizenCurrent = z.infer<typeof citizenCurrentSchema>;

/** A comment or wish as stored. */
export const citizenMessageSchema = z.object({
  id: z.string(),
  kind: z.enum(CITIZEN_MESSAGE_KINDS),
  text: z.string(),
  createdAt: z.string(),
});
export type CitizenMessage = z.infer<typeof citizenMessageSchema>;

/** The citizen scale was answered. */
export const citizenScaleAnsweredSchema = z.object({ id: z.string(), answeredAt: z.string() });
export type CitizenScaleAnswered = z.infer<typeof citizenScaleAnsweredSchema>;
