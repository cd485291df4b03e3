/** HTTP for the Én plan fidelity checklist and the implementation index (docs/fidelity.md). */
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
import { userPlugin } from '../kernel/route.js';
import * as service from './fidelity.service.js';

const tags = ['fidelity'];

export const fidelityRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: CourseDeps }) => {
    course.get('/fidelity', {
      summary: "A course's fidelity checklists: occasions, what is due, answers and scores",
      response: { 200: courseFidelitySchema },
      handler: (user, id) => service.getCourseFidelity(deps, user, id),
    });

    // A draft and a submission take the same answers; only submitting checks they are complete.
    for (const write of [
      {
        method: 'put' as const,
        url: '/fidelity/:occasion',
        summary: "Save the coordinator's draft of one occasion's checklist (autosave)",
        submit: false,
      },
      {
        method: 'post' as const,
        url: '/fidelity/:occasion/submit',
        summary: 'Submit a checklist (all nine answered); the same submission again is a no-op',
        submit: true,
      },
    ]) {
      course[write.method](write.url, {
        summary: write.summary,
        params: fidelityOccasionParams,
        body: fidelityAnswersInput,
        response: { 200: fidelityChecklistSchema },
        handler: (user, id, { params, body }) =>
          service.saveChecklist(deps, user, id, params.occasion, body.answers, write.submit),
      });
    }

    route.get('/api/fidelity/due', {
      summary: 'The checklists due now in the courses the user coordinates',
      response: { 200: fidelityDueSchema },
      handler: (user) => service.listDue(deps, user),
    });

    route.get('/api/fidelity/index', {
      summary:
        'The implementation index per municipality, unit and course, overall and per half-year (a leader: own unit)',
      response: { 200: fidelityIndexSchema },
      handler: (user) => service.getIndex(deps, user),
    });

    route.get('/api/fidelity/index/csv', {
      summary: 'The implementation index as a ; CSV for Danish Excel',
      response: { 200: fidelityCsvResponse },
      handler: async (user, _request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="implementeringsindeks.csv"')
          .header('cache-control', 'no-store')
          .send(await service.indexCsv(deps, user)),
    });
  },
);
