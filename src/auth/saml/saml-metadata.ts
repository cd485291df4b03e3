/**
 * Reading an identity provider's SAML 2.0 metadata (saml-metadata-2.0-os §2.4.3): its
 * entity id, the single sign-on endpoint for the HTTP-Redirect binding and the
 * certificates it signs with. Pure: the XML in, the three facts (or a reason) out.
 */
import { DOMParser } from '@xmldom/xmldom';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** What Samspil needs from an IdP's metadata. */
export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  /** Signing certificates, base64 DER without PEM armour or whitespace. */
  certificates: string[];
}

/** Why metadata could not be used, as a stable key (messages live with the service). */
export type MetadataProblem = 'not_xml' | 'no_idp' | 'no_redirect_sso' | 'no_signing_certificate';

/** Parse IdP metadata; returns the facts or the first problem found. */
export function parseIdpMetadata(
  xml: string,
): { ok: true; metadata: IdpMetadata } | { ok: false; problem: MetadataProblem } {
  const doc = parseXml(xml);
  if (!doc) return { ok: false, problem: 'not_xml' };
  // An EntitiesDescriptor may hold several entities: take the first that is an IdP.
  const entities = Array.from(doc.getElementsByTagNameNS(MD, 'EntityDescriptor'));
  const entity = entities.find((e) => e.getElementsByTagNameNS(MD, 'IDPSSODescriptor').length > 0);
  const idp = entity?.getElementsByTagNameNS(MD, 'IDPSSODescriptor')[0];
  const entityId = entity?.getAttribute('entityID')?.trim();
  if (!entity || !idp || !entityId) return { ok: false, problem: 'no_idp' };

  const sso = Array.from(idp.getElementsByTagNameNS(MD, 'SingleSignOnService')).find(
    (service) => service.getAttribute('Binding') === REDIRECT,
  );
  const ssoUrl = sso?.getAttribute('Location')?.trim();
  if (!ssoUrl || !/^https?:\/\//.test(ssoUrl)) return { ok: false, problem: 'no_redirect_sso' };

  // A KeyDescriptor without `use` serves both signing and encryption.
  const certificates = Array.from(idp.getElementsByTagNameNS(MD, 'KeyDescriptor'))
    .filter((key) => (key.getAttribute('use') || 'signing') === 'signing')
    .flatMap((key) => Array.from(key.getElementsByTagNameNS(DS, 'X509Certificate')))
    .map((cert) => (cert.textContent ?? '').replace(/\s+/g, ''))
    .filter((cert) => cert !== '');
  if (certificates.length === 0) return { ok: false, problem: 'no_signing_certificate' };
  return { ok: true, metadata: { entityId, ssoUrl, certificates: [...new Set(certificates)] } };
}

/** Parse XML from outside; undefined for anything that is not well-formed XML. */
export function parseXml(xml: string): Document | undefined {
  let failed = false;
  try {
    const doc = new DOMParser({
      errorHandler: { error: () => (failed = true), fatalError: () => (failed = true) },
    }).parseFromString(xml, 'text/xml');
    return failed || !doc.documentElement ? undefined : doc;
  } catch {
    // xmldom throws for some input (an empty string) instead of reporting it.
    return undefined;
  }
}

/** A base64 DER certificate as PEM, as node-saml and Node's crypto take it. */
export function certificateToPem(base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
