/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/auth/oidc/oidc.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { z } from 'zod';
import { operations } from './operation.js';
import {
  oidcProviderAnswer,
  oidcProviderView,
  oidcPurpose,
  providerInputSchema,
} from './oidc.schema.js';

const redirect = { 302: z.null().describe('redirect (to the provider, or back into Samspil)') };
const purposeParams = z.object({ purpose: oidcPurpose });

export const oidcApi = operations({
  startSignIn: {
    method: 'GET',
    path: '/api/auth/oidc/start',
    summary: "Start a staff sign-in at the municipality's OpenID Connect provider",
    querystring: z
      .object({
        municipality: z.string().max(100).optional(),
        email: z.string().max(254).optional(),
      })
      .refine((q) => q.municipality || q.email, 'municipality or email'),
    response: redirect,
  },
  startMitidSignIn: {
    method: 'GET',
    path: '/api/auth/mitid/start',
    summary: "Start a citizen's MitID sign-in at the municipality's broker",
    querystring: z.object({ municipality: z.string().min(1).max(100) }),
    response: redirect,
  },
  finishSignIn: {
    method: 'GET',
    path: '/api/auth/oidc/callback',
    summary: 'Where the provider sends the browser back; opens the session',
    response: redirect,
  },
  getProvider: {
    method: 'GET',
    path: '/api/municipality/oidc/:purpose',
    summary: "The municipality's OpenID Connect provider for staff or citizens (admins)",
    params: purposeParams,
    response: { 200: oidcProviderAnswer },
  },
  saveProvider: {
    method: 'PUT',
    path: '/api/municipality/oidc/:purpose',
    summary: 'Set the OpenID Connect provider (admins); used from the next sign-in on',
    params: purposeParams,
    body: providerInputSchema,
    response: { 200: z.object({ provider: oidcProviderView }) },
  },
  removeProvider: {
    method: 'DELETE',
    path: '/api/municipality/oidc/:purpose',
    summary: 'Remove the OpenID Connect provider (admins)',
    params: purposeParams,
    response: { 204: z.null().describe('removed') },
  },
});
