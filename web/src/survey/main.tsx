/**
 * The survey's own entry (`web/survey.html`, served for `/s/:measurementId/:token`): the
 * survey page and its messages only, no staff app, router or charts, so a respondent's
 * phone downloads little before the first question shows.
 *
 * The server sends the page with its first screen already rendered and the survey's data
 * beside it (`src/measurements/survey-page.routes.ts`); this hydrates that screen. Without
 * them (a page served as a plain file) it renders and loads the survey itself.
 */
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { SURVEY_DATA_ID, type SurveyPageData } from '../../../contract/survey-page.js';
import { linkParts } from '../light-link.js';
import '../styles.css';
import { SurveyApp, SERVER_LANGUAGE } from './survey-app.js';
import { storedLanguage } from '../i18n/i18n-core.js';

const [measurementId, token] = linkParts(window.location.pathname);
const dataText = document.getElementById(SURVEY_DATA_ID)?.textContent;
const initial = dataText ? (JSON.parse(dataText) as SurveyPageData) : undefined;

const root = document.getElementById('root');
if (!root) throw new Error('survey.html has no #root element');
const app = (
  <StrictMode>
    <SurveyApp measurementId={measurementId} token={token} initial={initial} />
  </StrictMode>
);
// The server renders in Danish; a respondent who chose English gets a fresh render instead.
if (root.firstElementChild && storedLanguage() === SERVER_LANGUAGE) hydrateRoot(root, app);
else createRoot(root).render(app);
