/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/citizen-view/citizen-view.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  citizenActivitySchema,
  citizenCodeInput,
  citizenCurrentSchema,
  citizenLinkInput,
  citizenLinkParams,
  citizenLinkSchema,
  citizenMessageInput,
  citizenMessageSchema,
  citizenProgressionInput,
  citizenScaleAnsweredSchema,
  citizenScaleInput,
  citizenScaleRequestInput,
  citizenScaleRequestSchema,
  citizenSessionSchema,
  citizenViewSchema,
  codeRequestInput,
  codeSentSchema,
  codeStatusSchema,
  personalLinkParams as linkParams,
} from './citizen-view.schema.js';
import { courseParams, noContent } from './en-plan.schema.js';
import { progressionResponseSchema } from './progression.schema.js';

export const citizenViewApi = operations({
  createLink: {
    method: 'POST',
    path: '/api/courses/:id/citizen-links',
    summary: "Make a member's personal link (mailed to them only; the answer never holds the link)",
    params: courseParams,
    body: citizenLinkInput,
    response: { 201: citizenLinkSchema },
  },
  revokeLink: {
    method: 'POST',
    path: '/api/courses/:id/citizen-links/:linkId/revoke',
    summary: 'Revoke a personal link',
    params: citizenLinkParams,
    response: { 204: noContent },
  },
  getCitizenActivity: {
    method: 'GET',
    path: '/api/courses/:id/citizen-activity',
    summary: "The citizen's comments and wishes, citizen-scale answers and links",
    params: courseParams,
    response: { 200: citizenActivitySchema },
  },
  requestScale: {
    method: 'POST',
    path: '/api/courses/:id/citizen-scale',
    summary: 'Ask the citizen the citizen scale (DOMAIN.md §2.3)',
    params: courseParams,
    body: citizenScaleRequestInput,
    response: { 201: citizenScaleRequestSchema },
  },
  sendCode: {
    method: 'POST',
    path: '/api/borger/:courseId/:token/code',
    summary: 'Send a one-time code to the link’s person (by SMS when they prefer it)',
    params: linkParams,
    body: codeRequestInput,
    response: { 200: codeSentSchema },
  },
  codeStatus: {
    method: 'GET',
    path: '/api/borger/:courseId/:token/code-status',
    summary: 'The code waiting to be typed, if any (sends nothing), so a reload keeps the step',
    params: linkParams,
    response: { 200: codeStatusSchema },
  },
  verifyCode: {
    method: 'POST',
    path: '/api/borger/:courseId/:token/session',
    summary: 'Enter the one-time code; opens a short citizen session',
    params: linkParams,
    body: citizenCodeInput,
    response: { 200: citizenSessionSchema },
  },
  getCitizenView: {
    method: 'GET',
    path: '/api/borger/me',
    summary: "The citizen's own view of their course",
    response: { 200: citizenViewSchema },
  },
  getCurrentCitizen: {
    method: 'GET',
    path: '/api/borger/current',
    summary:
      "The citizen's own view, or null before a code was entered (asked on opening the link)",
    response: { 200: citizenCurrentSchema },
  },
  sendMessage: {
    method: 'POST',
    path: '/api/borger/me/messages',
    summary: 'Write a comment or a wish to the plan',
    body: citizenMessageInput,
    response: { 201: citizenMessageSchema },
  },
  answerProgression: {
    method: 'POST',
    path: '/api/borger/me/progression',
    summary: 'Answer the due progression measurement (any item may be skipped)',
    body: citizenProgressionInput,
    response: { 201: progressionResponseSchema },
  },
  answerScale: {
    method: 'POST',
    path: '/api/borger/me/scale',
    summary: 'Answer the citizen scale: 1–5 or "dk" (ved ikke) per item',
    body: citizenScaleInput,
    response: { 200: citizenScaleAnsweredSchema },
  },
  endSession: {
    method: 'POST',
    path: '/api/borger/logout',
    summary: 'End the citizen session',
    response: { 204: noContent },
  },
});
