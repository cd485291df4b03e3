/**
 * A table that scrolls sideways inside its frame on narrow screens, so the page does not.
 * When it does scroll, a line above it says so and shadows mark the hidden edge, so no
 * column (Redigér, Fjern) is out of sight without a cue.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLightI18n } from '../i18n/i18n-core.js';

export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useLightI18n();
  const frame = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const box = frame.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  // Focusable, so keyboard users can scroll it (WCAG 2.1.1), also before it is measured;
  // only a frame that scrolls is a named region, named unlike the section heading above
  // it (axe: landmark-unique).
  return (
    <>
      {scrolls && (
        <p className="table-frame__cue" aria-hidden="true">
          {t('common.tableScrolls')}
        </p>
      )}
      <div
        ref={frame}
        className={scrolls ? 'table-frame table-frame--scrolls' : 'table-frame'}
        tabIndex={0}
        {...(scrolls ? { role: 'region', 'aria-label': t('common.tableRegion', { label }) } : {})}
      >
        {children}
      </div>
    </>
  );
}
