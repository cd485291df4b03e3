/**
 * What the server puts into the survey link's page (`/s/:measurementId/:token`) so the
 * first screen needs no request after the page: the survey as its API returns it to the
 * same link, or why the link cannot be answered. Plain values, shared by server and web.
 */
import type { Survey } from './measurements.schema.js';

/** Why a link shows a message instead of the survey. */
export type SurveyFatal = 'closed' | 'notFound' | 'finished';

/** The survey page's first data: the survey, or the message the link gets instead. */
export type SurveyPageData = { survey: Survey } | { fatal: SurveyFatal };

/** The id of the page's `<script type="application/json">` holding the `SurveyPageData`. */
export const SURVEY_DATA_ID = 'survey-data';

/** Where the page's markup goes in `survey.html` (the React root, empty in the build). */
export const SURVEY_ROOT = '<div id="root"></div>';
