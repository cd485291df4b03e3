/** The outbox's HTTP operation; `src/mail/mail.routes.ts` binds its handler. */
import { outbox, outboxQuery } from './mail.schema.js';
import { operations } from './operation.js';

export const mailApi = operations({
  listOutbox: {
    method: 'GET',
    path: '/api/outbox',
    summary:
      'The newest mails (the outbox when no SMTP server is configured); personal mails without recipient or text, never a link or code',
    querystring: outboxQuery,
    response: { 200: outbox },
  },
});
