/**
 * The OpenID Connect protocol side, through `openid-client`: provider discovery (cached per
 * provider setting, so a changed setting is used at the next sign-in without a restart),
 * the authorization request with PKCE, state and nonce, and the code exchange.
 *
 * The state, nonce and PKCE verifier travel in a signed, short-lived, HttpOnly cookie
 * (`SameSite=Lax`, so it comes back with the provider's redirect), so any app instance can
 * finish a sign-in another one started. The provider redeems a code once, so a replayed
 * callback fails at the token endpoint.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcPurpose } from '../../db/tables/oidc-provider.table.js';

/** How long a started sign-in may take at the provider. */
export const LOGIN_STATE_TTL_MS = 10 * 60 * 1000;

/** What the app needs of a provider setting to talk to it. */
export interface ProviderSetting {
  municipality_id: string;
  purpose: OidcPurpose;
  issuer: string;
  client_id: string;
  updated_at: Date;
}

/** A sign-in under way: everything the callback checks, kept in the signed cookie. */
export interface LoginState {
  purpose: OidcPurpose;
  municipalityId: string;
  state: string;
  nonce: string;
  verifier: string;
  /** Milliseconds since 1970 when the sign-in stops being accepted. */
  expiresAt: number;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration from its discovery document; cached per provider setting
 * and its last change, so every instance re-reads it after a change.
 */
export function providerConfiguration(
  setting: ProviderSetting,
  clientSecret: string,
  allowHttp: boolean,
): Promise<client.Configuration> {
  const key = [
    setting.municipality_id,
    setting.purpose,
    setting.issuer,
    setting.client_id,
    setting.updated_at.getTime(),
  ].join('|');
  let found = discovered.get(key);
  if (!found) {
    // Older entries of the same provider are stale now.
    const prefix = `${setting.municipality_id}|${setting.purpose}|`;
    for (const old of discovered.keys()) if (old.startsWith(prefix)) discovered.delete(old);
    const issuer = new URL(setting.issuer);
    found = client.discovery(
      issuer,
      setting.client_id,
      undefined,
      client.ClientSecretPost(clientSecret),
      // Plain http only outside production (tests, a provider on the developer's machine).
      allowHttp && issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
    );
    // A failed discovery is tried again at the next sign-in.
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** Start a sign-in: the provider's authorization URL and the state to keep in the cookie. */
export async function authorizationRequest(
  configuration: client.Configuration,
  setting: ProviderSetting,
  redirectUri: string,
  scope: string,
  now = Date.now(),
): Promise<{ url: URL; state: LoginState }> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return {
    url,
    state: {
      purpose: setting.purpose,
      municipalityId: setting.municipality_id,
      state,
      nonce,
      verifier,
      expiresAt: now + LOGIN_STATE_TTL_MS,
    },
  };
}

/**
 * Redeem the code of a callback; checks state, nonce, PKCE, the ID token's signature,
 * issuer, audience and lifetime. Returns the ID token's claims, completed from the
 * userinfo endpoint for the `wanted` claims the ID token lacks.
 */
export async function redeemCode(
  configuration: client.Configuration,
  callbackUrl: URL,
  login: LoginState,
  wanted: string[],
): Promise<Record<string, unknown>> {
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: login.verifier,
    expectedState: login.state,
    expectedNonce: login.nonce,
    idTokenExpected: true,
  });
  const claims: Record<string, unknown> = { ...tokens.claims() };
  const missing = wanted.some((name) => claims[name] === undefined);
  if (missing && configuration.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
    for (const [name, value] of Object.entries(info)) claims[name] ??= value;
  }
  return claims;
}

const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`oidc-login:${payload}`).digest('base64url');

/** The cookie value for a sign-in under way: its state as JSON, signed with the session secret. */
export function sealLoginState(secret: string, login: LoginState): string {
  const payload = Buffer.from(JSON.stringify(login)).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The sign-in state from a cookie we signed (`expired` once its time is up); else undefined. */
export function openLoginState(
  secret: string,
  cookie: string | undefined,
  now = Date.now(),
): { login: LoginState; expired: boolean } | undefined {
  if (!cookie) return undefined;
  const [payload, signature, ...rest] = cookie.split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const login = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LoginState;
  return { login, expired: login.expiresAt <= now };
}
