import { describe, expect, it } from 'vitest';
import { certificateToPem, parseIdpMetadata } from './saml-metadata.js';

const metadata = (keys: string, sso: string) => `<?xml version="1.0"?>
<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <EntityDescriptor entityID="https://sp.example"><SPSSODescriptor protocolSupportEnumeration="x"/></EntityDescriptor>
  <EntityDescriptor entityID="https://idp.example">
    <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
      ${keys}
      ${sso}
    </IDPSSODescriptor>
  </EntityDescriptor>
</EntitiesDescriptor>`;
const key = (use: string | null, cert: string) =>
  `<KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>
  ${cert}
  </ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>`;
const REDIRECT = `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/>`;

describe('IdP metadata', () => {
  it('finds the IdP among several entities, its Redirect endpoint and signing certificates', () => {
    const xml = metadata(
      key('signing', 'AAAA\nBBBB') + key(null, 'CCCC') + key('encryption', 'DDDD'),
      `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example/post"/>` +
        REDIRECT,
    );
    expect(parseIdpMetadata(xml)).toEqual({
      ok: true,
      metadata: {
        entityId: 'https://idp.example',
        ssoUrl: 'https://idp.example/sso',
        certificates: ['AAAABBBB', 'CCCC'],
      },
    });
  });

  it('says what is missing', () => {
    expect(parseIdpMetadata('not xml <')).toMatchObject({ ok: false, problem: 'not_xml' });
    expect(parseIdpMetadata('<a/>')).toMatchObject({ ok: false, problem: 'no_idp' });
    expect(parseIdpMetadata(metadata(key('signing', 'AAAA'), ''))).toMatchObject({
      problem: 'no_redirect_sso',
    });
    expect(parseIdpMetadata(metadata(key('encryption', 'AAAA'), REDIRECT))).toMatchObject({
      problem: 'no_signing_certificate',
    });
  });

  it('arms a bare certificate as PEM in 64-character lines', () => {
    expect(certificateToPem('A'.repeat(70))).toBe(
      `-----BEGIN CERTIFICATE-----\n${'A'.repeat(64)}\nAAAAAA\n-----END CERTIFICATE-----\n`,
    );
  });
});
