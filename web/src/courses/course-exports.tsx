/**
 * Getting the plan out: the whole plan for the citizen (PDF or text, e.g. for Digital
 * Post), one law area's actions for the case system, and a member's access request.
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Checkbox, InlineSelect } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { lawLabel } from './course-labels.js';
import type { CourseTabProps } from './course-tab.js';
import { accessRequestUrl, LAWS, planExportUrl, type Law } from './courses-api.js';
import { CourseTab } from './course-tab.js';
import { Section } from '../ui/section.js';

export function CourseExports({ course }: CourseTabProps) {
  const { t } = useI18n();
  const members = course.members ?? [];
  const [law, setLaw] = useState<Law>('serviceloven');
  const [lawMember, setLawMember] = useState('');
  const [member, setMember] = useState(members[0]?.id ?? '');
  const [hideStaff, setHideStaff] = useState(false);
  const memberOption = lawMember ? { member: lawMember } : {};

  return (
    <CourseTab id="exports-title" title={t('courses.exports')}>
      <ExportPanel kind="plan">
        <DownloadLinks
          links={[
            { href: planExportUrl(course.id, { format: 'pdf' }), label: t('courses.exports.pdf') },
            {
              href: planExportUrl(course.id, { format: 'text' }),
              label: t('courses.exports.text'),
            },
          ]}
        />
      </ExportPanel>

      <ExportPanel kind="law">
        <div className="export-options">
          <InlineSelect
            label={t('courses.plan.law')}
            value={law}
            onChange={(e) => setLaw(e.target.value as Law)}
          >
            {LAWS.map((l) => (
              <option key={l} value={l}>
                {lawLabel(t, l)}
              </option>
            ))}
          </InlineSelect>
          {members.length > 1 && (
            <MemberSelect
              members={members}
              value={lawMember}
              onChange={setLawMember}
              all={t('courses.exports.allMembers')}
            />
          )}
        </div>
        <DownloadLinks
          links={[
            {
              href: planExportUrl(course.id, { format: 'pdf', law, ...memberOption }),
              label: t('courses.exports.lawPdf', { law: lawLabel(t, law) }),
            },
            {
              href: planExportUrl(course.id, { format: 'text', law, ...memberOption }),
              label: t('courses.exports.lawText', { law: lawLabel(t, law) }),
            },
          ]}
        />
      </ExportPanel>

      <ExportPanel kind="access">
        <div className="export-options">
          <MemberSelect members={members} value={member} onChange={setMember} />
          <Checkbox
            label={t('courses.exports.hideStaff')}
            checked={hideStaff}
            onChange={setHideStaff}
          />
        </div>
        {member && (
          <DownloadLinks
            links={[
              {
                href: accessRequestUrl(course.id, { member, format: 'pdf', hideStaff }),
                label: t('courses.exports.accessPdf'),
              },
              {
                href: accessRequestUrl(course.id, { member, format: 'json', hideStaff }),
                label: t('courses.exports.accessJson'),
              },
            ]}
          />
        )}
      </ExportPanel>
    </CourseTab>
  );
}

/** Picks one member of the course; with `all`, also all of them (`''`). */
function MemberSelect({
  members,
  value,
  onChange,
  all,
}: {
  members: readonly { id: string; name: string }[];
  value: string;
  onChange: (memberId: string) => void;
  all?: string;
}) {
  const { t } = useI18n();
  return (
    <InlineSelect
      label={t('courses.exports.member')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {all !== undefined && <option value="">{all}</option>}
      <NamedOptions items={members} />
    </InlineSelect>
  );
}

function ExportPanel({
  kind,
  children,
}: {
  /** Which export: names the panel's id, heading and lead. */
  kind: 'plan' | 'law' | 'access';
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Section id={`export-${kind}`} title={t(`courses.exports.${kind}`)} level={3}>
      <p>{t(`courses.exports.${kind}.lead`)}</p>
      {children}
    </Section>
  );
}

/** The download links of one export, one a format. */
function DownloadLinks({ links }: { links: { href: string; label: string }[] }) {
  return (
    <div className="plan-buttons">
      {links.map((l) => (
        <a key={l.href} className="button button--secondary" href={l.href} download>
          {l.label}
        </a>
      ))}
    </div>
  );
}
