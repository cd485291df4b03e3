/**
 * Mail transports: SMTP through nodemailer, or none (mail stays in the outbox that
 * the app shows). One interface, tested by one shared suite.
 */
import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The Message-ID header (`<id@host>`): the same mail always gets the same one. */
  messageId?: string;
}

export interface MailTransport {
  /** 'smtp' delivers; 'outbox' keeps mail in the database for the outbox page. */
  kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string, from: string): MailTransport {
  // nodemailer loads with the first mail, not at every start (most starts use the outbox).
  let transporter: Promise<Transporter> | undefined;
  const connect = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(url),
    ));
  return {
    kind: 'smtp',
    async send(mail) {
      const smtp = await connect();
      await smtp.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
      });
    },
    close: () => void transporter?.then((smtp) => smtp.close()),
  };
}

export const outboxTransport: MailTransport = {
  kind: 'outbox',
  async send() {},
  close() {},
};
