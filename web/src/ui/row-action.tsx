/**
 * A small quiet button acting on one row (a unit, a person, a user). The visible label
 * is short ("Rediger"); screen readers also hear whom it acts on ("Rediger Eva Holm").
 */
import { Button } from './button.js';
import { VisuallyHidden } from './visually-hidden.js';

export function RowAction({
  label,
  target,
  danger = false,
  onClick,
}: {
  label: string;
  /** The name of what the button acts on, read only by screen readers. */
  target: string;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <Button variant={danger ? 'quiet-danger' : 'quiet'} small onClick={onClick}>
      {label}
      <VisuallyHidden> {target}</VisuallyHidden>
    </Button>
  );
}
