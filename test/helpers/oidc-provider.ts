/**
 * A real OpenID provider in the test process (`oidc-provider`), standing in for a
 * municipality's Entra ID or a MitID broker. Its sign-in page is a minimal form of our own
 * ("who are you?"); consent is granted at once. Tests set each account's claims and may
 * change them between sign-ins.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims per account id (the name typed at the sign-in form); change them at will. */
  accounts: Map<string, Record<string, unknown>>;
  close: () => Promise<void>;
}

/** Start a provider that accepts `redirectUri` for its one confidential client. */
export async function startTestProvider(
  redirectUri: string,
  options: { idTokenTtlSeconds?: number } = {},
): Promise<TestProvider> {
  const accounts = new Map<string, Record<string, unknown>>();
  const clientId = 'samspil';
  const clientSecret = 'test-client-secret-0123456789';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    cookies: { keys: ['test-provider-cookie-key'] },
    // Every claim in the ID token, as Entra ID and the MitID brokers put them there.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', 'roles', 'groups', 'dk:gov:cpr', 'cpr'],
      email: ['email', 'upn'],
      profile: ['name'],
    },
    features: { devInteractions: { enabled: false } },
    // A function, so a test may ask for a negative lifetime (a token expired when issued).
    ttl: {
      IdToken() {
        return options.idTokenTtlSeconds ?? 3600;
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const claims = accounts.get(id);
      if (!claims) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
  });
  const providerHandler = provider.callback();

  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) {
      void providerHandler(req, res);
      return;
    }
    void interaction(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    const { prompt, params, session, grantId } = details;
    if (prompt.name === 'login') {
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(
          `<!doctype html><html lang="en"><head><title>Test provider</title></head><body><main>` +
            `<h1>Test provider</h1><form method="post" action="/interaction/${details.uid}">` +
            `<label for="login">Account</label><input id="login" name="login" autocomplete="off">` +
            `<button type="submit">Sign in</button></form></main></body></html>`,
        );
        return;
      }
      const body = await new Promise<string>((resolve) => {
        let text = '';
        req.on('data', (chunk: Buffer) => (text += chunk.toString()));
        req.on('end', () => resolve(text));
      });
      const accountId = new URLSearchParams(body).get('login') ?? '';
      await provider.interactionFinished(
        req,
        res,
        accounts.has(accountId)
          ? { login: { accountId } }
          : { error: 'access_denied', error_description: 'unknown account' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    // Consent: grant what the client asked for.
    const grant = grantId
      ? (await provider.Grant.find(grantId))!
      : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const id = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: id } },
      { mergeWithLastSubmission: true },
    );
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A cookie jar per host, for driving a redirect flow over real HTTP without a browser. */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.jars.get(new URL(url).host) ?? new Map<string, string>();
    return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (value === '' || expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
}
