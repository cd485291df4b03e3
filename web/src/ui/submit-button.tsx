/** A form's main button, apart from `Button` because it needs the messages (which need `Button`). */
import type { ReactNode } from 'react';
import { useLightI18n } from '../i18n/i18n-core.js';
import { Button } from './button.js';

/** A form's main button: it submits, and says "working" while the form's action runs. */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  const { t } = useLightI18n();
  return (
    <Button type="submit" variant="primary" pending={pending} pendingLabel={t('common.working')}>
      {children}
    </Button>
  );
}
