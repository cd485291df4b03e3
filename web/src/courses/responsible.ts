/** Who an action of a course's plan can name as responsible, worded for the reader. */
import { responsibleChoices, type Responsible } from '../../../contract/plans.js';
import type { I18n } from '../i18n/i18n.js';
import { relationLabel } from './course-labels.js';
import type { CourseView } from './courses-api.js';

/** The coordinator, the course's members (the citizen first) and the network's parties. */
export function responsiblesOf(course: CourseView, t: I18n['t']): Responsible[] {
  return responsibleChoices(
    {
      coordinator: course.coordinator,
      members: course.members ?? [],
      parties: course.network ?? [],
    },
    {
      coordinator: (name) => t('courses.plan.responsible.coordinator', { name }),
      member: (m) =>
        t('courses.plan.responsible.member', {
          name: m.name,
          relation: relationLabel(t, m.relation),
        }),
    },
  );
}
