/**
 * The one button of the interface: a look (variant, size) and a pending state, so the
 * class names and the busy spinner are written once.
 */
import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

/** How a button looks: its weight on the page, from the main action to a quiet row action. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet' | 'quiet-danger' | 'plain';

const VARIANT_CLASS: Record<ButtonVariant, string> = {
  primary: ' button--primary',
  secondary: ' button--secondary',
  danger: ' button--danger',
  quiet: ' button--quiet',
  'quiet-danger': ' button--quiet button--quiet-danger',
  plain: '',
};

/** The class names of a button look, for links and labels that look like buttons. */
export function buttonClass(
  variant: ButtonVariant = 'secondary',
  { small = false, block = false }: { small?: boolean; block?: boolean } = {},
): string {
  return `button${VARIANT_CLASS[variant]}${small ? ' button--small' : ''}${block ? ' button--block' : ''}`;
}

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: ButtonVariant;
  small?: boolean;
  /** Full width of its container. */
  block?: boolean;
  type?: 'button' | 'submit';
  ref?: Ref<HTMLButtonElement>;
  /** The action runs: the button shows a spinner and ignores clicks, but keeps its focus. */
  pending?: boolean;
  /** What the button says while pending (e.g. "Arbejder …"); its own text if not given. */
  pendingLabel?: string;
}

/** A `<button>` with the house look; `type="button"` unless it submits a form. */
export function Button({
  variant = 'secondary',
  small,
  block,
  type = 'button',
  pending = false,
  pendingLabel,
  className,
  children,
  onClick,
  ...rest
}: ButtonProps) {
  const inverse = variant === 'primary' || variant === 'danger';
  const click = (event: MouseEvent<HTMLButtonElement>) => {
    // aria-disabled rather than disabled while pending, so focus stays on the button.
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, { small, block }) + (className ? ` ${className}` : '')}
      aria-disabled={pending || rest['aria-disabled'] || undefined}
      aria-busy={pending || undefined}
      onClick={click}
    >
      {pending && (
        <span
          className={`spinner ${inverse ? 'spinner--inverse' : 'spinner--inline'}`}
          aria-hidden="true"
        />
      )}
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
