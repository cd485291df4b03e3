/**
 * The interface language: Danish by default, English second.
 *
 * The choice is kept in localStorage and set on `<html lang>`. Every visible string
 * comes from `da.ts` / `en.ts` through `t`; messages from the server arrive in both
 * languages and are picked with `pick`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Message } from '../api/client.js';
import { da, type MessageKey } from './da.js';
import { en } from './en.js';

export type Language = 'da' | 'en';
export type { MessageKey };

const DICTIONARIES = { da, en } as const;
const STORAGE_KEY = 'samspil.language';

/** Values to put into a message's `{placeholders}`. */
export type Vars = Record<string, string | number>;

export interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  /** The message for `key` in the current language, with `{name}` placeholders filled in. */
  t: (key: MessageKey, vars?: Vars) => string;
  /** `one` when `count` is 1, else `other`; `{count}` is filled in. */
  tn: (count: number, one: MessageKey, other: MessageKey, vars?: Vars) => string;
  /** The current language's half of a server message. */
  pick: (message: Message) => string;
  /** A locale for `Intl` formatting. */
  locale: string;
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

function fill(text: string, vars: Vars | undefined, locale: string): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[lang];
    const locale = lang === 'da' ? 'da-DK' : 'en-GB';
    const t = (key: MessageKey, vars?: Vars) => fill(dictionary[key], vars, locale);
    return {
      lang,
      setLang,
      t,
      tn: (count, one, other, vars) => t(count === 1 ? one : other, { count, ...vars }),
      pick: (message) => message[lang],
      locale,
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its messages. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** A button that switches between Danish and English. */
export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  const other: Language = lang === 'da' ? 'en' : 'da';
  return (
    <button
      type="button"
      className="button button--quiet language-switch"
      lang={other}
      onClick={() => setLang(other)}
    >
      {other === 'en' ? 'English' : 'Dansk'}
    </button>
  );
}
