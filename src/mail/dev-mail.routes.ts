/**
 * The development mail viewer: without SMTP, the demo municipality's mails as their
 * recipients would get them, links and codes included, so the demo can be tried.
 *
 * It is registered only outside production and without SMTP, answers only requests from
 * the machine itself (loopback), never looks at a login, and shows only the demo
 * municipality, whose people are all made up. It is the machine's mailbox, not a staff
 * page: no staff role gets another person's link through the app.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { devMailList, devMailPage } from '../../contract/mail.schema.js';
import type { Database } from '../db/schema.js';
import { DEMO_MUNICIPALITY } from '../demo/demo-organisation.js';
import { AppError } from '../kernel/errors.js';
import { listMailWithSecrets } from './mail.service.js';

/** The path of the viewer (HTML); `…json` gives the same as JSON. */
export const DEV_MAIL_PATH = '/dev/mail';

/** Whether a request comes from this machine (the socket's address, never a header). */
export function fromLoopback(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Escape a mail text and make its web links clickable. */
function linkify(text: string): string {
  return escapeHtml(text).replace(
    /https?:\/\/[^\s&<>"']+/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
}

type Mail = Awaited<ReturnType<typeof listMailWithSecrets>>[number];

function page(mails: Mail[]): string {
  const items = mails
    .map(
      (m) =>
        `<article><h2>${m.channel === 'sms' ? 'SMS' : escapeHtml(m.subject)}</h2>` +
        `<p class="meta">${escapeHtml(m.to)} · ${escapeHtml(m.kind)} · ${escapeHtml(m.createdAt)}</p>` +
        `<pre>${linkify(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Udviklerens postkasse – Samspil</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem}
article{border-top:1px solid #999;padding:.5rem 0}h2{font-size:1.1rem;margin:.25rem 0}
.meta{color:#444;margin:0}pre{white-space:pre-wrap;font-family:inherit}</style></head>
<body><main><h1>Udviklerens postkasse / Developer's mailbox</h1>
<p>Kun til udvikling uden mailserver: demokommunens mails, som modtagerne ville få dem.
Findes ikke i produktion og vises kun på maskinen selv. /
Development without a mail server only: the demo municipality's mails as their recipients
would get them. Off in production and shown only on this machine.</p>
${items || '<p>Ingen mails endnu. / No mail yet.</p>'}
</main></body></html>`;
}

export const devMailRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (app, { db }) => {
  const load = async (request: FastifyRequest) => {
    if (!fromLoopback(request)) {
      throw new AppError(404, 'not_found', { da: 'Siden findes ikke.', en: 'Not found.' });
    }
    return listMailWithSecrets(db, DEMO_MUNICIPALITY.slug, 200);
  };
  // Hidden from the API description (a developer's page), but still documented.
  app.get(
    DEV_MAIL_PATH,
    { schema: { hide: true, response: { 200: devMailPage } } },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(page(await load(request))),
  );
  app.get(
    `${DEV_MAIL_PATH}.json`,
    { schema: { hide: true, response: { 200: devMailList } } },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send({ mails: await load(request) }),
  );
};
