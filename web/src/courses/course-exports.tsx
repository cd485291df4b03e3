/**
 * Getting the plan out: the whole plan for the citizen (PDF or text, e.g. for Digital
 * Post), one law area's actions for the case system, and a member's access request.
 */
import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Checkbox } from '../ui/field.js';
import { lawLabel } from './course-labels.js';
import type { CourseTabProps } from './course-page.js';
import { accessRequestUrl, LAWS, planExportUrl, type Law } from './courses-api.js';

export function CourseExports({ course }: CourseTabProps) {
  const { t } = useI18n();
  const lawId = useId();
  const memberId = useId();
  const accessMemberId = useId();
  const members = course.members ?? [];
  const [law, setLaw] = useState<Law>('serviceloven');
  const [lawMember, setLawMember] = useState('');
  const [member, setMember] = useState(members[0]?.id ?? '');
  const [hideStaff, setHideStaff] = useState(false);
  const memberOption = lawMember ? { member: lawMember } : {};

  return (
    <section className="course-view" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('courses.exports')}</h2>

      <section className="panel" aria-labelledby="export-plan">
        <h3 className="panel__title" id="export-plan">
          {t('courses.exports.plan')}
        </h3>
        <p>{t('courses.exports.plan.lead')}</p>
        <div className="plan-buttons">
          <a
            className="button button--secondary"
            href={planExportUrl(course.id, { format: 'pdf' })}
            download
          >
            {t('courses.exports.pdf')}
          </a>
          <a
            className="button button--secondary"
            href={planExportUrl(course.id, { format: 'text' })}
            download
          >
            {t('courses.exports.text')}
          </a>
        </div>
      </section>

      <section className="panel" aria-labelledby="export-law">
        <h3 className="panel__title" id="export-law">
          {t('courses.exports.law')}
        </h3>
        <p>{t('courses.exports.law.lead')}</p>
        <div className="export-options">
          <div className="inline-field">
            <label htmlFor={lawId}>{t('courses.plan.law')}</label>
            <select
              id={lawId}
              className="input select"
              value={law}
              onChange={(e) => setLaw(e.target.value as Law)}
            >
              {LAWS.map((l) => (
                <option key={l} value={l}>
                  {lawLabel(t, l)}
                </option>
              ))}
            </select>
          </div>
          {members.length > 1 && (
            <div className="inline-field">
              <label htmlFor={memberId}>{t('courses.exports.member')}</label>
              <select
                id={memberId}
                className="input select"
                value={lawMember}
                onChange={(e) => setLawMember(e.target.value)}
              >
                <option value="">{t('courses.exports.allMembers')}</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <div className="plan-buttons">
          <a
            className="button button--secondary"
            href={planExportUrl(course.id, { format: 'pdf', law, ...memberOption })}
            download
          >
            {t('courses.exports.lawPdf', { law: lawLabel(t, law) })}
          </a>
          <a
            className="button button--secondary"
            href={planExportUrl(course.id, { format: 'text', law, ...memberOption })}
            download
          >
            {t('courses.exports.lawText', { law: lawLabel(t, law) })}
          </a>
        </div>
      </section>

      <section className="panel" aria-labelledby="export-access">
        <h3 className="panel__title" id="export-access">
          {t('courses.exports.access')}
        </h3>
        <p>{t('courses.exports.access.lead')}</p>
        <div className="export-options">
          <div className="inline-field">
            <label htmlFor={accessMemberId}>{t('courses.exports.member')}</label>
            <select
              id={accessMemberId}
              className="input select"
              value={member}
              onChange={(e) => setMember(e.target.value)}
            >
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <Checkbox
            label={t('courses.exports.hideStaff')}
            checked={hideStaff}
            onChange={setHideStaff}
          />
        </div>
        {member && (
          <div className="plan-buttons">
            <a
              className="button button--secondary"
              href={accessRequestUrl(course.id, { member, format: 'pdf', hideStaff })}
              download
            >
              {t('courses.exports.accessPdf')}
            </a>
            <a
              className="button button--secondary"
              href={accessRequestUrl(course.id, { member, format: 'json', hideStaff })}
              download
            >
              {t('courses.exports.accessJson')}
            </a>
          </div>
        )}
      </section>
    </section>
  );
}
