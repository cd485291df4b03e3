/** The Samspil mark and name, and the header of the light pages (survey and citizen) around it. */
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../i18n/i18n-core.js';

/** The mark and the name; `children` stand under the name (the staff header's municipality). */
export function Brand({ children }: { children?: ReactNode }) {
  return (
    <div className="brand">
      <span className="brand__mark" aria-hidden="true" />
      <span className="brand__text">
        <span className="brand__name">Samspil</span>
        {children}
      </span>
    </div>
  );
}

/** The light pages' header: the brand and the language switch. */
export function LightHeader() {
  return (
    <header className="survey__header">
      <Brand />
      <LanguageSwitch />
    </header>
  );
}
