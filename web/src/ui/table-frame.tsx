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
