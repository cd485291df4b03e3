/**
 * The survey page's first screen as HTML, for the server to send with the page (built by
 * Vite as `dist/web-ssr/survey-server.js`, loaded by `src/measurements/survey-page.routes.ts`).
 */
import { renderToString } from 'react-dom/server';
import type { SurveyPageData } from '../../../contract/survey-page.js';
import { SurveyApp } from './survey-app.js';

/** The markup of the survey page's first screen for this link and its data. */
export function renderSurvey(measurementId: string, token: string, data: SurveyPageData): string {
  return renderToString(<SurveyApp measurementId={measurementId} token={token} initial={data} />);
}
