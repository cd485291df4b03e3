/** Loading indicators and messages: errors, successes and empty states. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.js';
import type { Loaded } from '../api/use-api.js';
import { useLightI18n } from '../i18n/i18n-core.js';
import { Button } from './button.js';

/** A polite "loading" line with a spinner. */
export function Loading({ label }: { label?: string }) {
  const { t } = useLightI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** An error from the API in the current language; announced to screen readers. */
export function ErrorAlert({
  error,
  children,
  id,
}: {
  error: ApiError | undefined;
  children?: ReactNode;
  id?: string;
}) {
  const { pick } = useLightI18n();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert" id={id}>
      <p>{pick(error.messages)}</p>
      {children}
    </div>
  );
}

/** A success or information message. */
export function Notice({
  tone = 'success',
  children,
  onDismiss,
}: {
  tone?: 'success' | 'info';
  children: ReactNode;
  onDismiss?: () => void;
}) {
  const { t } = useLightI18n();
  return (
    <div className={`alert alert--${tone}`} role="status">
      <div className="alert__body">{children}</div>
      {onDismiss && (
        <Button variant="quiet" small onClick={onDismiss}>
          {t('common.dismiss')}
        </Button>
      )}
    </div>
  );
}

/** What to show when a list is empty, with the next step. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/**
 * What a page shows around data it loads: the spinner until the first data, the error
 * (with "try again" when `retry`), and `empty` once the data has come and `isEmpty` says so.
 */
export function LoadStatus<T>({
  state,
  label,
  retry = false,
  error,
  empty,
  isEmpty,
}: {
  state: Loaded<T> & { reload: () => Promise<void> };
  label?: string;
  retry?: boolean;
  /** Shown instead of the load's own error, e.g. the first of two loads' errors. */
  error?: ApiError;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
}) {
  const { t } = useLightI18n();
  const data = state.data;
  return (
    <>
      {state.status === 'loading' && data === undefined && <Loading label={label} />}
      <ErrorAlert error={error ?? state.error}>
        {retry && <Button onClick={() => void state.reload()}>{t('common.retry')}</Button>}
      </ErrorAlert>
      {data !== undefined && isEmpty?.(data) && empty}
    </>
  );
}
