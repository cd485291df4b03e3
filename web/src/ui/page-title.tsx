/** The page's `<h1>`, which also sets the document title and receives focus after navigation. */
import { useEffect } from 'react';
import type { ReactNode } from 'react';

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} – Samspil`;
  }, [title]);
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
