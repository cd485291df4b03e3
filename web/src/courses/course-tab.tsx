/**
 * One tab of a course: a section labelled by its heading, with the tab's actions beside
 * the heading and its lead paragraph below it.
 */
import type { ReactNode } from 'react';
import type { CourseView } from './courses-api.js';

/** What every view of a course gets (here, not in the page, so page and tabs do not import each other). */
export interface CourseTabProps {
  course: CourseView;
  /** Load the course again (after a change to it, its network or its consent). */
  reload: () => Promise<void>;
}

/** What a dialog that changes a course gets. */
export interface CourseDialogProps {
  course: CourseView;
  onClose: () => void;
  /** After the change is saved: reload what it changed. */
  onSaved: () => Promise<void>;
}

export function CourseTab({
  id,
  title,
  actions,
  lead,
  children,
}: {
  /** The heading's id, which labels the section. */
  id: string;
  title: string;
  actions?: ReactNode;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <section className="course-view" aria-labelledby={id}>
      {actions === undefined ? (
        <h2 id={id}>{title}</h2>
      ) : (
        <div className="section-header">
          <h2 id={id}>{title}</h2>
          {actions}
        </div>
      )}
      {lead !== undefined && <p className="lead">{lead}</p>}
      {children}
    </section>
  );
}
