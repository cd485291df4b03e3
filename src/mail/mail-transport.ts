/**
 * Mail transports: SMTP through nodemailer, or none (mail stays in the outbox that
 * the app shows). One interface, tested by one shared suite.
 */
import nodemailer from 'nodemailer';

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
  const transporter = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
      });
    },
    close: () => transporter.close(),
  };
}

export const outboxTransport: MailTransport = {
  kind: 'outbox',
  async send() {},
  close() {},
};
