/** An occasion's name: start, after N months, closure, or a session on a date. */
import type { MessageKey } from '../i18n/i18n.js';
import { SESSION_OCCASION } from '../../../contract/progression.js';

/** An occasion's name: start, after N months, closure, or a session on its date. */
export function occasionLabel(
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  key: string,
) {
  if (key === 'start') return t('progression.occasion.start');
  if (key === 'afslutning') return t('progression.occasion.end');
  const session = SESSION_OCCASION.exec(key)?.[1];
  if (session !== undefined) return t('trial.occasion.session', { date: session });
  return t('progression.occasion.months', { months: key.slice(1) });
}
