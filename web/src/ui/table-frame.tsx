/** A table that scrolls sideways inside its frame on narrow screens, so the page does not. */
import type { ReactNode } from 'react';

export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  // The frame is focusable so keyboard users can scroll it (WCAG 2.1.1).
  return (
    <div className="table-frame" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
