/**
 * The staff app's interface language: every visible string comes from `da.ts` / `en.ts`
 * through `t` (see `i18n-core.tsx` for the language itself). The light pages use their
 * own smaller dictionaries and hooks from `i18n-core.tsx`.
 */
import type { ReactNode } from 'react';
import { da, type MessageKey } from './da.js';
import { en } from './en.js';
import { LanguageProvider, useAnyI18n, type I18n as I18nOf } from './i18n-core.js';

export { LanguageSwitch, type Language, type Vars } from './i18n-core.js';
export type { MessageKey };

/** The current language and the staff app's messages. */
export type I18n = I18nOf<MessageKey>;

const DICTIONARIES = { da, en };

/** The language and all messages, for the staff app. */
export function I18nProvider({ children }: { children: ReactNode }) {
  return <LanguageProvider dictionaries={DICTIONARIES}>{children}</LanguageProvider>;
}

/** The current language and its messages. */
export function useI18n(): I18n {
  return useAnyI18n();
}
