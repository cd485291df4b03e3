/**
 * The survey link's page (`/s/:measurementId/:token`), sent with its first screen: the
 * survey's data as its API returns it to the same link, inlined as JSON, and that screen
 * already rendered as HTML (when the build made the renderer), so a phone shows it as
 * soon as the page and its styles arrive, before the JavaScript has run.
 *
 * The data is exactly what `GET /api/survey/:measurementId/:token` answers the holder of
 * the link, checked by the same service; a closed, finished or unknown link gets the same
 * message as there. The page is personal, so it is never stored by a cache.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { surveyParams } from '../../contract/measurements.schema.js';
import {
  SURVEY_DATA_ID,
  SURVEY_ROOT,
  type SurveyFatal,
  type SurveyPageData,
} from '../../contract/survey-page.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../kernel/errors.js';
import { surveyLimits } from './survey.routes.js';
import * as service from './survey.service.js';

/** The renderer the web build makes (`web/src/survey/server.tsx`). */
type RenderSurvey = (measurementId: string, token: string, data: SurveyPageData) => string;

/** What the page route needs: the built `survey.html`, and where the renderer may be. */
export interface SurveyPageOptions {
  db: Kysely<Database>;
  /** The built web front end (`dist/web`), holding `survey.html`. */
  webDir: string;
  /** The built server renderer, `survey-server.js`; without it the page carries only the data. */
  rendererFile: string;
}

/** The API's answers that are a message for the link rather than a failure. */
const FATAL_BY_STATUS: Record<number, SurveyFatal> = {
  404: 'notFound',
  409: 'finished',
  410: 'closed',
};

/** The link's first data, or undefined when the page should load it itself (as before). */
async function pageData(
  db: Kysely<Database>,
  request: FastifyRequest,
  params: unknown,
): Promise<SurveyPageData | undefined> {
  const parsed = surveyParams.safeParse(params);
  // A malformed link: the page asks the API, which explains it as before.
  if (!parsed.success) return undefined;
  try {
    const survey = await service.getSurvey(db, parsed.data.measurementId, parsed.data.token);
    return survey.finished ? { fatal: 'finished' } : { survey };
  } catch (error) {
    const fatal = error instanceof AppError ? FATAL_BY_STATUS[error.statusCode] : undefined;
    if (fatal) return { fatal };
    // The page still opens and loads the survey itself, showing the error with a retry.
    request.log.warn({ err: error }, 'survey page sent without its data');
    return undefined;
  }
}

/** JSON that cannot end its `<script>` element or open a comment in it. */
const inlineJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Registers `GET /s/:measurementId/:token`. */
export const surveyPageRoutes: FastifyPluginAsync<SurveyPageOptions> = async (
  app,
  { db, webDir, rendererFile },
) => {
  let renderer: Promise<RenderSurvey | undefined> | undefined;
  /** Loaded once, on the first link opened; a build without it leaves the data alone. */
  const loadRenderer = () =>
    (renderer ??= import(pathToFileURL(rendererFile).href).then(
      (module: { renderSurvey?: RenderSurvey }) => module.renderSurvey,
      () => undefined,
    ));

  app.get(
    '/s/:measurementId/:token',
    { config: surveyLimits, schema: { hide: true } },
    async (request, reply) => {
      // Read per request, like a static file: a new build is sent without a restart.
      const template = await readFile(path.join(webDir, 'survey.html'), 'utf8');
      const { measurementId, token } = request.params as { measurementId: string; token: string };
      const data = template.includes(SURVEY_ROOT)
        ? await pageData(db, request, request.params)
        : undefined;
      let html = template;
      if (data) {
        const render = await loadRenderer();
        const markup = render ? render(measurementId, token, data) : '';
        html = template.replace(
          SURVEY_ROOT,
          () =>
            `<div id="root">${markup}</div>` +
            `<script type="application/json" id="${SURVEY_DATA_ID}">${inlineJson(data)}</script>`,
        );
      }
      void reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('vary', 'accept-encoding');
      // The page differs per link, so it is compressed here (quickly) rather than at build.
      if (/\bbr\b/.test(request.headers['accept-encoding'] ?? '')) {
        const compressed = brotliCompressSync(html, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
        });
        return reply.header('content-encoding', 'br').send(compressed);
      }
      return reply.send(html);
    },
  );
};
