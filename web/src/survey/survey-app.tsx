/** The survey page with its languages: what the browser hydrates and the server renders. */
import type { SurveyPageData } from '../../../contract/survey-page.js';
import { LanguageProvider, type Language } from '../i18n/i18n-core.js';
import { lightDa } from '../i18n/light-da.js';
import { lightEn } from '../i18n/light-en.js';
import { SurveyPage } from './survey-page.js';

const DICTIONARIES = { da: lightDa, en: lightEn };

/** The language the server renders the first screen in (the default one). */
export const SERVER_LANGUAGE: Language = 'da';

/** The survey behind one link, in the respondent's language. */
export function SurveyApp(props: {
  measurementId: string;
  token: string;
  initial?: SurveyPageData | undefined;
}) {
  return (
    <LanguageProvider dictionaries={DICTIONARIES}>
      <SurveyPage {...props} />
    </LanguageProvider>
  );
}
