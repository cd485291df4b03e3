/**
 * The interface language, without any messages: Danish by default, English second.
 *
 * Each entry (the staff app, the survey, the citizen view) passes its own dictionaries to
 * `LanguageProvider`, so a light page downloads only its own messages. The hooks differ
 * only in type: each lets a component use just the keys its pages' dictionaries hold.
 * The choice is kept in localStorage and set on `<html lang>`; messages from the server
 * arrive in both languages and are picked with `pick`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Message } from '../api/client.js';
import type { CitizenMessageKey } from './citizen-da.js';
import type { LightMessageKey } from './light-da.js';
import { Button } from '../ui/button.js';

export type Language = 'da' | 'en';

/** Values to put into a message's `{placeholders}`. */
export type Vars = Record<string, string | number>;

/** The dictionaries of one entry: one string per key in each language. */
export type Dictionaries = Record<Language, Readonly<Record<string, string>>>;

/** The current language and its messages, for the message keys `K`. */
export interface I18n<K extends string> {
  lang: Language;
  setLang: (lang: Language) => void;
  /** The message for `key` in the current language, with `{name}` placeholders filled in. */
  t: (key: K, vars?: Vars) => string;
  /** `one` when `count` is 1, else `other`; `{count}` is filled in. */
  tn: (count: number, one: K, other: K, vars?: Vars) => string;
  /** The current language's half of a server message. */
  pick: (message: Message) => string;
  /** A locale for `Intl` formatting. */
  locale: string;
}

const STORAGE_KEY = 'samspil.language';

/** The language the person chose before on this device (Danish when none, or no storage). */
export function storedLanguage(): Language {
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

const I18nContext = createContext<I18n<string> | undefined>(undefined);

/** Provides the language and the entry's `dictionaries` to the components below. */
export function LanguageProvider({
  dictionaries,
  children,
}: {
  dictionaries: Dictionaries;
  children: ReactNode;
}) {
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

  const value = useMemo<I18n<string>>(() => {
    const dictionary = dictionaries[lang];
    const locale = lang === 'da' ? 'da-DK' : 'en-GB';
    // A missing key shows itself rather than an empty string (the types prevent it).
    const t = (key: string, vars?: Vars) => fill(dictionary[key] ?? key, vars, locale);
    return {
      lang,
      setLang,
      t,
      tn: (count, one, other, vars) => t(count === 1 ? one : other, { count, ...vars }),
      pick: (message) => message[lang],
      locale,
    };
  }, [dictionaries, lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The language and messages with any key: the typed hooks below narrow it. */
export function useAnyI18n(): I18n<string> {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside LanguageProvider');
  return value;
}

/** For components on the light pages (the survey) and everywhere else: common and survey keys. */
export function useLightI18n(): I18n<LightMessageKey> {
  return useAnyI18n();
}

/** For components on the citizen view and the staff app: light, citizen and progression keys. */
export function useCitizenI18n(): I18n<LightMessageKey | CitizenMessageKey> {
  return useAnyI18n();
}

/** A button that switches between Danish and English. */
export function LanguageSwitch() {
  const { lang, setLang } = useAnyI18n();
  const other: Language = lang === 'da' ? 'en' : 'da';
  return (
    <Button variant="quiet" className="language-switch" lang={other} onClick={() => setLang(other)}>
      {other === 'en' ? 'English' : 'Dansk'}
    </Button>
  );
}
