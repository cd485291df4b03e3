/** HTTP for the Én plan fidelity checklist and the implementation index (docs/fidelity.md). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { courseParams } from '../../contract/en-plan.schema.js';
import {
  courseFidelitySchema,
  fidelityAnswersInput,
  fidelityChecklistSchema,
  fidelityCsvResponse,
  fidelityDueSchema,
  fidelityIndexSchema,
  fidelityOccasionParams,
} from '../../contract/fidelity.schema.js';
import type { CourseDeps } from '../courses/course-deps.js';
import { requireUser } from '../kernel/request-context.js';
import * as service from './fidelity.service.js';

const tags = ['fidelity'];

export const fidelityRoutes: FastifyPluginAsync<{ deps: CourseDeps }> = async (
  plugin,
  { deps },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/courses/:id/fidelity',
    {
      schema: {
        tags,
        summary: "A course's fidelity checklists: occasions, what is due, answers and scores",
        params: courseParams,
        response: { 200: courseFidelitySchema },
      },
    },
    async (request) => service.getCourseFidelity(deps, requireUser(request), request.params.id),
  );

  // A draft and a submission take the same answers; only submitting checks they are complete.
  for (const write of [
    {
      method: 'PUT' as const,
      url: '/api/courses/:id/fidelity/:occasion',
      summary: "Save the coordinator's draft of one occasion's checklist (autosave)",
      submit: false,
    },
    {
      method: 'POST' as const,
      url: '/api/courses/:id/fidelity/:occasion/submit',
      summary: 'Submit a checklist (all nine answered); the same submission again is a no-op',
      submit: true,
    },
  ]) {
    app.route({
      method: write.method,
      url: write.url,
      schema: {
        tags,
        summary: write.summary,
        params: fidelityOccasionParams,
        body: fidelityAnswersInput,
        response: { 200: fidelityChecklistSchema },
      },
      handler: async (request) =>
        service.saveChecklist(
          deps,
          requireUser(request),
          request.params.id,
          request.params.occasion,
          request.body.answers,
          write.submit,
        ),
    });
  }

  app.get(
    '/api/fidelity/due',
    {
      schema: {
        tags,
        summary: 'The checklists due now in the courses the user coordinates',
        response: { 200: fidelityDueSchema },
      },
    },
    async (request) => service.listDue(deps, requireUser(request)),
  );

  app.get(
    '/api/fidelity/index',
    {
      schema: {
        tags,
        summary:
          'The implementation index per municipality, unit and course, overall and per half-year (a leader: own unit)',
        response: { 200: fidelityIndexSchema },
      },
    },
    async (request) => service.getIndex(deps, requireUser(request)),
  );

  app.get(
    '/api/fidelity/index/csv',
    {
      schema: {
        tags,
        summary: 'The implementation index as a ; CSV for Danish Excel',
        response: { 200: fidelityCsvResponse },
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="implementeringsindeks.csv"')
        .header('cache-control', 'no-store')
        .send(await service.indexCsv(deps, requireUser(request))),
  );
};
