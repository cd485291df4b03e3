/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/workshops/workshop.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import {
  actorParams,
  addActorBody,
  addPointBody,
  createWorkshopBody,
  currentActorBody,
  pointParams,
  rateTieBody,
  stepBody,
  updateActorBody,
  updatePointBody,
  workshopComparisonSchema,
  workshopParams,
  workshopPdfQuery,
  workshopSchema,
  workshopSummarySchema,
} from './workshops.schema.js';
import { operations } from './operation.js';
import { fileResponse } from './reports.schema.js';
import { z } from 'zod';

export const workshopsApi = operations({
  listWorkshops: {
    method: 'GET',
    path: '/api/workshops',
    summary: "The municipality's workshops, newest change first",
    response: { 200: z.array(workshopSummarySchema) },
  },
  createWorkshop: {
    method: 'POST',
    path: '/api/workshops',
    summary:
      "Start a workshop around a target group or a citizen's course (its network parties are suggested as actors); the creator facilitates",
    body: createWorkshopBody,
    response: { 201: workshopSchema },
  },
  getWorkshop: {
    method: 'GET',
    path: '/api/workshops/:id',
    summary: 'A workshop: step, actors, ratings, differences, points',
    params: workshopParams,
    response: { 200: workshopSchema },
  },
  getWorkshopEvents: {
    method: 'GET',
    path: '/api/workshops/:id/events',
    summary:
      'Live events (text/event-stream): `changed` with the new version after every change, on every app instance',
    params: workshopParams,
    response: {
      200: z
        .string()
        .describe(
          'text/event-stream: `hello` with the current version, then `changed` events ({ type, version })',
        ),
    },
  },
  claimFacilitator: {
    method: 'POST',
    path: '/api/workshops/:id/facilitate',
    summary:
      'Take or renew the facilitator lock (409 while another facilitator is active; free after 2 idle minutes)',
    params: workshopParams,
    response: { 200: workshopSchema },
  },
  releaseFacilitator: {
    method: 'POST',
    path: '/api/workshops/:id/release',
    summary: 'Hand over: release the facilitator lock',
    params: workshopParams,
    response: { 200: workshopSchema },
  },
  addActor: {
    method: 'POST',
    path: '/api/workshops/:id/actors',
    summary: 'Step 1: put an actor on the canvas (a unit, or a name typed on the spot)',
    params: workshopParams,
    body: addActorBody,
    response: { 201: workshopSchema },
  },
  updateActor: {
    method: 'PATCH',
    path: '/api/workshops/:id/actors/:actorId',
    summary: 'Move or rename an actor',
    params: actorParams,
    body: updateActorBody,
    response: { 200: workshopSchema },
  },
  removeActor: {
    method: 'DELETE',
    path: '/api/workshops/:id/actors/:actorId',
    summary: 'Take an actor off the canvas',
    params: actorParams,
    response: { 200: workshopSchema },
  },
  setStep: {
    method: 'PUT',
    path: '/api/workshops/:id/step',
    summary: 'Move to step 1, 2 or 3 (2 and 3 need at least two actors)',
    params: workshopParams,
    body: stepBody,
    response: { 200: workshopSchema },
  },
  setCurrentActor: {
    method: 'PUT',
    path: '/api/workshops/:id/current-actor',
    summary: 'Step 2: the actor whose place the room takes now',
    params: workshopParams,
    body: currentActorBody,
    response: { 200: workshopSchema },
  },
  rateTie: {
    method: 'PUT',
    path: '/api/workshops/:id/ratings',
    summary: 'Step 2: colour the tie from one actor to another good/middle/low (null clears)',
    params: workshopParams,
    body: rateTieBody,
    response: { 200: workshopSchema },
  },
  addPoint: {
    method: 'POST',
    path: '/api/workshops/:id/points',
    summary: 'Step 3: a development point with its owner (required) and date',
    params: workshopParams,
    body: addPointBody,
    response: { 201: workshopSchema },
  },
  updatePoint: {
    method: 'PATCH',
    path: '/api/workshops/:id/points/:pointId',
    summary: 'Change, move or tick off a development point',
    params: pointParams,
    body: updatePointBody,
    response: { 200: workshopSchema },
  },
  removePoint: {
    method: 'DELETE',
    path: '/api/workshops/:id/points/:pointId',
    summary: 'Remove a development point',
    params: pointParams,
    response: { 200: workshopSchema },
  },
  compareWithSurvey: {
    method: 'GET',
    path: '/api/workshops/:id/comparison',
    summary:
      "The room's ties against the linked measurement's latest wave (from the analysis, with its scoping and anonymity)",
    params: workshopParams,
    response: { 200: workshopComparisonSchema },
  },
  getWorkshopPdf: {
    method: 'GET',
    path: '/api/workshops/:id/export/pdf',
    summary: 'The workshop as PDF: actors, ratings matrix, differences, development points',
    params: workshopParams,
    querystring: workshopPdfQuery,
    response: { 200: fileResponse('The workshop report (application/pdf)') },
  },
});
