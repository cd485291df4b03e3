/**
 * SMS transports: a generic HTTP gateway (`SMS_URL`, `SMS_TOKEN`), the development outbox
 * (read in `/dev/mail`, like mail without SMTP), or none (production without a gateway:
 * SMS is then not offered, and codes go by e-mail). One interface, like the mail transports.
 */

export interface OutgoingSms {
  /** The number in international form, e.g. `+4520304050`. */
  to: string;
  text: string;
  /** Our id of the message, so the gateway can tell a copy. */
  reference: string;
}

export interface SmsTransport {
  /** 'http' delivers through the gateway; 'outbox' keeps SMS for `/dev/mail`; 'none' offers no SMS. */
  kind: 'http' | 'outbox' | 'none';
  send(sms: OutgoingSms): Promise<void>;
}

/**
 * An SMS gateway over HTTP: `POST url` with JSON `{ to, text, reference }` and
 * `Authorization: Bearer token`; any 2xx answer means accepted, anything else is retried.
 */
export function httpSmsTransport(url: string, token: string | undefined): SmsTransport {
  return {
    kind: 'http',
    async send(sms) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(sms),
        signal: AbortSignal.timeout(15_000),
      });
      // The gateway's answer may echo the number or the text: only its status is kept.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

/** SMS kept in the database for the development mail viewer (never in production). */
export const outboxSms: SmsTransport = { kind: 'outbox', async send() {} };

/** No SMS at all: callers choose e-mail instead. */
export const noSms: SmsTransport = {
  kind: 'none',
  send: () => Promise.reject(new Error('no SMS gateway is configured')),
};

/** The SMS transport a configuration asks for: the gateway, else the outbox outside production. */
export function smsTransportFor(config: {
  smsUrl: string | undefined;
  smsToken: string | undefined;
  production: boolean;
}): SmsTransport {
  if (config.smsUrl) return httpSmsTransport(config.smsUrl, config.smsToken);
  return config.production ? noSms : outboxSms;
}

/**
 * A phone number as an SMS gateway takes it, or null when it is not one: Danish 8-digit
 * numbers get +45; `00` becomes `+`; spaces, dashes and dots are ignored.
 */
export function smsNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const compact = phone.replace(/[\s.\-()]/g, '').replace(/^00/, '+');
  if (/^\d{8}$/.test(compact)) return `+45${compact}`;
  if (/^\+\d{8,15}$/.test(compact)) return compact;
  return null;
}
