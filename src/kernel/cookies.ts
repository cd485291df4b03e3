/** Cookie names and options: `__Host-` Secure cookies, relaxed only for plain-http localhost. */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../server/config.js';

export interface CookieSettings {
  session: string;
  csrf: string;
  options: CookieSerializeOptions;
}

export function cookieSettings(config: Pick<Config, 'secureCookies'>): CookieSettings {
  const prefix = config.secureCookies ? '__Host-' : 'samspil-';
  return {
    session: `${prefix}sid`,
    csrf: `${prefix}csrf`,
    options: {
      path: '/',
      httpOnly: true,
      secure: config.secureCookies,
      sameSite: 'strict',
    },
  };
}
