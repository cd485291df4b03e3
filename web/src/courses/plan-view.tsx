/** A plan shown read-only: per member, dreams → goal → sub-goals → actions. Text stays text. */
import { useI18n } from '../i18n/i18n.js';
import { TableFrame } from '../ui/table-frame.js';
import { actionStatusLabel, formatDate, lawLabel, partOwnerLabel } from './course-labels.js';
import type { Member, Plan } from './courses-api.js';
import type { Responsible } from '../../../contract/plans.js';

export function PlanView({
  plan,
  members,
  parties,
  headingLevel = 3,
}: {
  plan: Plan;
  members: Member[];
  parties: Responsible[];
  headingLevel?: 3 | 4;
}) {
  const { t, locale } = useI18n();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const SubHeading = headingLevel === 3 ? 'h4' : 'h5';
  const partyName = (id: string) => parties.find((p) => p.id === id)?.name ?? '–';

  if (plan.parts.length === 0) return <p className="muted">{t('courses.plan.empty')}</p>;

  return (
    <div className="plan-view">
      {plan.parts.map((part) => {
        const who = partOwnerLabel(t, members, part.memberId);
        return (
          <article key={part.memberId} className="plan-part plan-part--view">
            <Heading className="plan-part__title">{who}</Heading>
            <dl className="plan-texts">
              <dt>{t('courses.plan.dreams')}</dt>
              <dd className="free-text">{part.dreams || '–'}</dd>
              <dt>{t('courses.plan.goal')}</dt>
              <dd className="free-text">{part.goal || '–'}</dd>
            </dl>
            {part.subGoals.length === 0 && <p className="muted">{t('courses.plan.noSubGoals')}</p>}
            {part.subGoals.map((sg, i) => (
              <div key={sg.id} className="subgoal subgoal--view">
                <SubHeading className="subgoal__title">
                  {t('courses.plan.subGoalN', { n: i + 1 })}
                </SubHeading>
                <p className="free-text">{sg.text}</p>
                {sg.actions.length > 0 && (
                  <TableFrame label={t('courses.plan.actionsOf', { n: i + 1 })}>
                    <table className="table table--compact">
                      <caption className="visually-hidden">
                        {t('courses.plan.actionsOf', { n: i + 1 })}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('courses.plan.action')}</th>
                          <th scope="col">{t('courses.plan.responsible')}</th>
                          <th scope="col">{t('courses.plan.law')}</th>
                          <th scope="col">{t('courses.plan.period')}</th>
                          <th scope="col">{t('courses.plan.status')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {sg.actions.map((a) => (
                          <tr key={a.id}>
                            <th scope="row" className="free-text">
                              {a.text}
                            </th>
                            <td>{partyName(a.responsiblePartyId)}</td>
                            <td>
                              {lawLabel(t, a.law)}
                              {a.paragraph && ` ${a.paragraph}`}
                            </td>
                            <td className="table__nowrap">
                              {a.start || a.end
                                ? `${formatDate(a.start, locale)}–${a.end ? formatDate(a.end, locale) : ''}`
                                : '–'}
                            </td>
                            <td>
                              <span className={`badge badge--action-${a.status}`}>
                                {actionStatusLabel(t, a.status)}
                              </span>
                              {a.status === 'opgivet' && a.statusReason && (
                                <span className="table__sub free-text">{a.statusReason}</span>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableFrame>
                )}
              </div>
            ))}
          </article>
        );
      })}
    </div>
  );
}
