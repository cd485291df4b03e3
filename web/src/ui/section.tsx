/** A titled panel of a page: a section labelled by its own heading. */
import type { ReactNode } from 'react';

export function Section({
  id,
  title,
  level = 2,
  children,
}: {
  id: string;
  title: string;
  /** The heading's level: 3 for a panel inside a section. */
  level?: 2 | 3;
  children: ReactNode;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="panel" aria-labelledby={id}>
      <Heading className="panel__title" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
