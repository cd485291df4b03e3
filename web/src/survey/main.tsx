/**
 * The survey's own entry (`web/survey.html`, served for `/s/:measurementId/:token`): the
 * survey page and its messages only, no staff app, router or charts, so a respondent's
 * phone downloads little before the first question shows.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from '../i18n/i18n-core.js';
import { lightDa } from '../i18n/light-da.js';
import { lightEn } from '../i18n/light-en.js';
import { linkParts } from '../light-link.js';
import '../styles.css';
import { SurveyPage } from './survey-page.js';

const DICTIONARIES = { da: lightDa, en: lightEn };
const [measurementId, token] = linkParts(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('survey.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider dictionaries={DICTIONARIES}>
      <SurveyPage measurementId={measurementId} token={token} />
    </LanguageProvider>
  </StrictMode>,
);
