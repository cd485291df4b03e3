/**
 * HTTP for the outbox: the municipality's mails, as sent or kept when no SMTP is
 * configured. Nobody sees a secret, nor the recipient or text of a personal mail.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { mailApi } from '../../contract/mail.api.js';
import type { Database } from '../db/schema.js';
import { requirePermission } from '../kernel/request-context.js';
import { userRoutes } from '../kernel/route.js';
import { hideSecrets, isPersonalMail, listMail } from './mail.service.js';

/** An address in an SMTP error (a bounce names its recipient). */
const ADDRESS = /[^\s<>"'@]+@[^\s<>"'@]+/g;

export const mailRoutes: FastifyPluginAsync<{
  db: Kysely<Database>;
  smtp: boolean;
  /** Whether the development mail viewer (`/dev/mail`) runs on this server. */
  devMailViewer: boolean;
}> = async (plugin, { db, smtp, devMailViewer }) => {
  userRoutes(plugin, ['mail'])(mailApi.listOutbox, async (user, { query }) => {
    requirePermission(user, 'outbox.read');
    const mails = await listMail(db, user.municipalityId, query.limit);
    return {
      smtpConfigured: smtp,
      devMailViewer,
      mails: mails.map((m) => {
        // A survey mail's recipient is someone invited, or, for a reminder, someone who has
        // not answered; a citizen's is a citizen: none of it is for staff to read here.
        const personal = isPersonalMail(m);
        return {
          id: m.id,
          kind: m.kind.split(':')[0]!,
          personal,
          to: personal ? null : m.to_address,
          subject: hideSecrets(m.subject),
          body: personal ? null : hideSecrets(m.body_text),
          status: m.status,
          attempts: m.attempts,
          lastError: personal ? null : (m.last_error?.replace(ADDRESS, '[…]') ?? null),
          createdAt: m.created_at.toISOString(),
          sentAt: m.sent_at?.toISOString() ?? null,
        };
      }),
    };
  });
};
