/** Text for screen readers only, e.g. which unit a repeated "Edit" button belongs to. */
import type { ReactNode } from 'react';

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
