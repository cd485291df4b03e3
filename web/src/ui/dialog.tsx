/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus, makes the
 * page behind it inert and closes it on Escape; focus returns to where it came from.
 */
import { useEffect, useId, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useAction } from '../api/use-action.js';
import { useLightI18n } from '../i18n/i18n-core.js';
import { ErrorAlert } from './feedback.js';
import { Button } from './button.js';

export function Dialog({
  title,
  onClose,
  children,
  describedBy,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  describedBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/**
 * A form in a dialog: runs `onSubmit`, shows the button as busy meanwhile, and shows
 * a server error at the top of the form, where the user is looking.
 */
export function FormDialog({
  title,
  submitLabel,
  onClose,
  onSubmit,
  children,
  danger = false,
}: {
  title: string;
  submitLabel: string;
  onClose: () => void;
  /** Return false to keep the dialog open without an error (e.g. inline validation failed). */
  onSubmit: () => Promise<boolean | void>;
  children: ReactNode;
  danger?: boolean;
}) {
  const { t } = useLightI18n();
  const { run, pending: busy, error } = useAction();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      if ((await onSubmit()) !== false) onClose();
    });
  };

  return (
    <Dialog title={title} onClose={onClose} describedBy={error ? errorId : undefined}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={error} id={errorId} />
        {children}
        <div className="dialog__actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            variant={danger ? 'danger' : 'primary'}
            pending={busy}
            pendingLabel={t('common.working')}
          >
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Ask before doing something: the confirmation step for archiving, disabling and the like. */
export function ConfirmDialog({
  children,
  confirmLabel,
  onConfirm,
  ...frame
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  return (
    // Title, danger and onClose pass through as they are.
    <FormDialog {...frame} submitLabel={confirmLabel} onSubmit={onConfirm}>
      <div className="dialog__body">{children}</div>
    </FormDialog>
  );
}
