/**
 * A table that scrolls sideways inside its frame on narrow screens, so the page does not.
 * When it does scroll, a line above it says so and shadows mark the hidden edge, so no
 * column (Redigér, Fjern) is out of sight without a cue.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useLightI18n } from '../i18n/i18n-core.js';

export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useLightI18n();
  const frame = useRef<HTMLDivElement>(null);
  // `scrolls`: sideways, which the cue and shadows tell. `focusable`: in any direction, as
  // axe counts it (a frame that scrolls sideways also scrolls a pixel or two down when a
  // focus ring or a wrapped row sticks out).
  const [{ scrolls, focusable }, setState] = useState({ scrolls: false, focusable: false });

  useLayoutEffect(() => {
    const box = frame.current;
    if (!box) return;
    const measure = () => {
      const sideways = box.scrollWidth > box.clientWidth;
      const down = box.scrollHeight > box.clientHeight;
      setState({ scrolls: sideways, focusable: sideways || down });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  // Only a frame that scrolls is a tab stop, so keyboard users can scroll it (WCAG 2.1.1,
  // axe: scrollable-region-focusable), and a named region, named unlike the section
  // heading above it (axe: landmark-unique). It is measured before the first paint the
  // user can act on, so a scrolling frame is never left unfocusable.
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
        {...(focusable
          ? { tabIndex: 0, role: 'region', 'aria-label': t('common.tableRegion', { label }) }
          : {})}
      >
        {children}
      </div>
    </>
  );
}

/** A column heading: its text, with a class (e.g. `table__num`) when the column needs one. */
export type Column = string | { label: ReactNode; className: string | undefined };

/**
 * A list as a framed table: a caption for screen readers, one row of column headings, a
 * heading only screen readers hear over the row actions (when `actions` names it), the rows.
 */
export function DataTable({
  label,
  caption = label,
  columns,
  actions,
  compact = false,
  className,
  visibleCaption = false,
  children,
}: {
  /** Names the frame, and the caption unless `caption` is given. */
  label: string;
  caption?: string;
  columns: readonly Column[];
  actions?: string | false | undefined;
  compact?: boolean;
  /** One more class of the table (e.g. `table--errors`). */
  className?: string;
  /** Shows the caption, which otherwise only screen readers hear. */
  visibleCaption?: boolean;
  children: ReactNode;
}) {
  return (
    <TableFrame label={label}>
      <table
        className={`table${compact ? ' table--compact' : ''}${className ? ` ${className}` : ''}`}
      >
        <caption className={visibleCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) =>
              typeof column === 'string' ? (
                <th key={i} scope="col">
                  {column}
                </th>
              ) : (
                <th key={i} scope="col" className={column.className}>
                  {column.label}
                </th>
              ),
            )}
            {actions !== undefined && actions !== false && (
              <th scope="col">
                <span className="visually-hidden">{actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableFrame>
  );
}
