/** HTTP for the outbox: the municipality's mails, as sent or kept when no SMTP is configured. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { forbidden } from '../server/errors.js';
import { requireUser } from '../server/request-context.js';
import { listMail } from './mail.service.js';

export const mailRoutes: FastifyPluginAsync<{ db: Kysely<Database>; smtp: boolean }> = async (
  plugin,
  { db, smtp },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'The newest mails (the outbox when no SMTP server is configured)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (user.role !== 'admin' && user.role !== 'analytiker') throw forbidden();
      const mails = await listMail(db, user.municipalityId, request.query.limit);
      return {
        smtpConfigured: smtp,
        mails: mails.map((m) => ({
          id: m.id,
          kind: m.kind.split(':')[0],
          to: m.to_address,
          subject: m.subject,
          body: m.body_text,
          status: m.status,
          attempts: m.attempts,
          lastError: m.last_error,
          createdAt: m.created_at.toISOString(),
          sentAt: m.sent_at?.toISOString() ?? null,
        })),
      };
    },
  );
};
