/**
 * The citizen view's own entry (`web/citizen.html`, served for `/borger/:courseId/:token`):
 * the citizen page and its messages only, no staff app or router; the curves' chart
 * library loads only when there are curves to draw.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { citizenDa } from '../i18n/citizen-da.js';
import { citizenEn } from '../i18n/citizen-en.js';
import { LanguageProvider } from '../i18n/i18n-core.js';
import { lightDa } from '../i18n/light-da.js';
import { lightEn } from '../i18n/light-en.js';
import { linkParts } from '../light-link.js';
import '../styles.css';
import { CitizenPage } from './citizen-page.js';

const DICTIONARIES = { da: { ...lightDa, ...citizenDa }, en: { ...lightEn, ...citizenEn } };
const [courseId, token] = linkParts(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('citizen.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider dictionaries={DICTIONARIES}>
      <CitizenPage courseId={courseId} token={token} />
    </LanguageProvider>
  </StrictMode>,
);
