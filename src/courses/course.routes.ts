/** HTTP for citizens' courses: the course, members, network, closing, deletion, access requests. */
import { userPlugin } from '../kernel/route.js';
import { coursesApi } from '../../contract/courses.api.js';
import type { CourseDeps } from './course-deps.js';
import * as coordination from './course-coordination.service.js';
import * as privacy from './course-privacy.service.js';
import * as service from './course.service.js';
import { writeClosing } from '../progression/progression.service.js';

const tags = ['courses'];

export const courseRoutes = userPlugin(
  tags,
  ({ route, course }, { deps }: { deps: CourseDeps }) => {
    route(coursesApi.listCourses, async (user, { query }) => ({
      courses: await service.listCourses(deps, user, query.status),
    }));

    route(coursesApi.createCourse, (user, { body }) => service.createCourse(deps, user, body));

    course(coursesApi.getCourse, (user, id) => service.getCourse(deps, user, id));

    course(coursesApi.updateCourse, (user, id, { body }) =>
      service.updateCourse(deps, user, id, body),
    );

    course(coursesApi.addCoCoordinator, (user, id, { body }) =>
      coordination.addCoCoordinator(deps, user, id, body),
    );

    course(coursesApi.removeCoCoordinator, (user, id, { params }) =>
      coordination.removeCoCoordinator(deps, user, id, params.personId),
    );

    course(coursesApi.changeLead, (user, id, { body }) =>
      coordination.changeLead(deps, user, id, body),
    );

    course(coursesApi.addMember, (user, id, { body }) => service.addMember(deps, user, id, body));

    course(coursesApi.addParty, (user, id, { body }) => service.addParty(deps, user, id, body));

    course(coursesApi.updateParty, (user, id, { params, body }) =>
      service.updateParty(deps, user, id, params.partyId, body),
    );

    course(coursesApi.removeParty, (user, id, { params }) =>
      service.removeParty(deps, user, id, params.partyId),
    );

    course(coursesApi.closeCourse, (user, id, { body }) => {
      const { closing } = body;
      return service.closeCourse(
        deps,
        user,
        id,
        closing && ((trx, context) => writeClosing(trx, context, closing)),
      );
    });

    course(coursesApi.deleteCourse, (user, id, { body }) =>
      privacy.deleteCourse(deps, user, id, body.reason),
    );

    course(coursesApi.accessRequest, async (user, id, { query }, reply) => {
      const data = await privacy.accessRequest(
        deps,
        user,
        id,
        query.member,
        query.hideStaff === 'true',
      );
      void reply.header('cache-control', 'no-store');
      if (query.format === 'json') return data;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="indsigt.pdf"')
        .send(await privacy.renderAccessRequestPdf(data));
    });

    course(coursesApi.courseAudit, async (user, id) => ({
      entries: await privacy.courseAudit(deps, user, id),
    }));

    route(coursesApi.lookupCitizen, async (user, { query }) => ({
      courses: await service.lookupCitizen(deps, user, query.cpr),
    }));
  },
);
