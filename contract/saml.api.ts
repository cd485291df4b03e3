/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/auth/saml/saml.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { z } from 'zod';
import { operations } from './operation.js';
import { samlSettingsInput, samlSettingsView } from './saml.schema.js';

const html = z.string().describe('A page saying why, in Danish and English (text/html)');

export const samlApi = operations({
  getSamlMetadata: {
    method: 'GET',
    path: '/api/auth/saml/metadata',
    summary: "Samspil's SAML service provider metadata (one SP for all municipalities)",
    response: { 200: z.string().describe('SP metadata (application/samlmetadata+xml)') },
  },
  startSamlLogin: {
    method: 'GET',
    path: '/api/auth/saml/login',
    summary: "Start a staff sign-in at the municipality's SAML identity provider",
    querystring: z.object({ municipality: z.string().trim().min(1).max(100) }),
    response: {
      302: z.null().describe('To the IdP with an AuthnRequest (HTTP-Redirect binding)'),
    },
    errors: { 404: html },
  },
  finishSamlLogin: {
    method: 'POST',
    path: '/api/auth/saml/acs',
    summary: 'Assertion consumer service (HTTP-POST binding): checks the answer, opens a session',
    consumes: ['application/x-www-form-urlencoded'],
    body: z.object({
      SAMLResponse: z.string().min(1).max(1_000_000),
      RelayState: z.string().max(1000).optional(),
    }),
    response: { 303: z.null().describe('Signed in: to the app') },
    errors: { 403: html },
  },
  getSamlSettings: {
    method: 'GET',
    path: '/api/municipality/saml',
    summary: "The municipality's SAML sign-in settings and our SP's facts (admins)",
    response: { 200: samlSettingsView },
  },
  saveSamlSettings: {
    method: 'PUT',
    path: '/api/municipality/saml',
    summary: 'Set up or change SAML sign-in (admins); takes effect at once',
    body: samlSettingsInput,
    response: { 200: samlSettingsView },
  },
  deleteSamlSettings: {
    method: 'DELETE',
    path: '/api/municipality/saml',
    summary: 'Turn SAML sign-in off and forget its settings (admins)',
    response: { 204: z.null() },
  },
});
