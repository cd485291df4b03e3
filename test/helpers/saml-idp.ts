/**
 * A SAML identity provider inside the tests: a key and self-signed certificate made with
 * openssl, IdP metadata, and SAML responses whose assertion is signed with xml-crypto (the
 * library node-saml verifies with), the way KOMBIT's Adgangsstyring or AD FS would send them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { createPublicKey, createVerify, randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { encrypt } from 'xml-encryption';

/** A private key (PEM) and its self-signed certificate (PEM and bare base64 DER). */
export interface KeyPair {
  key: string;
  certPem: string;
  certBase64: string;
}

/** Make an RSA key and a self-signed certificate with openssl (installed on the machine). */
export function makeKeyPair(commonName = 'Test IdP'): KeyPair {
  const dir = mkdtempSync(path.join(tmpdir(), 'samspil-saml-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2'].concat([
        '-subj',
        `/CN=${commonName}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ]),
      { stdio: 'ignore' },
    );
    const certPem = readFileSync(certFile, 'utf8');
    return {
      key: readFileSync(keyFile, 'utf8'),
      certPem,
      certBase64: certPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** IdP metadata with a Redirect SSO endpoint and one signing certificate. */
export function idpMetadata(entityId: string, ssoUrl: string, certBase64: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ssoUrl}/post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

/** KOMBIT's privileges attribute value: base64 of a `bpp:PrivilegeList`. */
export function kombitPrivilegeList(groups: { cvr: string; privileges: string[] }[]): string {
  const body = groups
    .map(
      ({ cvr, privileges }) =>
        `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${cvr}">` +
        privileges.map((p) => `<Privilege>${p}</Privilege>`).join('') +
        `</PrivilegeGroup>`,
    )
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</bpp:PrivilegeList>`;
  return Buffer.from(xml).toString('base64');
}

/** The AuthnRequest id in an HTTP-Redirect URL (what the IdP would read). */
export function authnRequestOf(location: string): { id: string; acs: string; issuer: string } {
  const request = new URL(location).searchParams.get('SAMLRequest');
  if (!request) throw new Error('no SAMLRequest in ' + location);
  const xml = inflateRawSync(Buffer.from(request, 'base64')).toString('utf8');
  return {
    id: /\bID="([^"]+)"/.exec(xml)![1]!,
    acs: /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)![1]!,
    issuer: /<saml:Issuer[^>]*>([^<]+)</.exec(xml)![1]!,
  };
}

/**
 * Whether an HTTP-Redirect URL carries a valid signature (SAML bindings §3.4.4.1) made with
 * the key of `certPem`: over `SAMLRequest=…&RelayState=…&SigAlg=…` exactly as sent.
 */
export function redirectSignatureValid(location: string, certPem: string): boolean {
  const query = new URL(location).search.slice(1).split('&');
  const part = (name: string) => query.find((p) => p.startsWith(`${name}=`));
  const signed = ['SAMLRequest', 'RelayState', 'SigAlg']
    .map(part)
    .filter((p) => p !== undefined)
    .join('&');
  const signature = new URL(location).searchParams.get('Signature');
  if (!signature || !part('SigAlg')) return false;
  return createVerify('RSA-SHA256').update(signed).verify(certPem, signature, 'base64');
}

/**
 * Encrypt the (signed) assertion of a base64 SAMLResponse for the SP's certificate, as
 * OIOSAML asks (AES-256-GCM content key, RSA-OAEP key transport).
 */
export async function encryptAssertion(saml: string, spCertPem: string): Promise<string> {
  const xml = Buffer.from(saml, 'base64').toString('utf8');
  const start = xml.indexOf('<saml:Assertion');
  const end = xml.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length;
  const encrypted = await new Promise<string>((resolve, reject) =>
    encrypt(
      xml.slice(start, end),
      {
        rsa_pub: createPublicKey(spCertPem).export({ type: 'spki', format: 'pem' }),
        pem: spCertPem,
        encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
        keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  const wrapped = `<saml:EncryptedAssertion>${encrypted}</saml:EncryptedAssertion>`;
  return Buffer.from(xml.slice(0, start) + wrapped + xml.slice(end)).toString('base64');
}

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What goes into one SAML response. */
export interface ResponseOptions {
  issuer: string;
  inResponseTo: string;
  audience: string;
  acsUrl: string;
  nameId: string;
  attributes: Record<string, string[]>;
  /** Signs the assertion with this key; undefined sends it unsigned. */
  signWith?: string;
  /** Validity of the assertion, from now, in seconds. Defaults −60 … +300. */
  notBeforeSeconds?: number;
  notOnOrAfterSeconds?: number;
  assertionId?: string;
}

/** A base64 SAMLResponse as the IdP posts it to the ACS. */
export function samlResponse(options: ResponseOptions): string {
  const now = Date.now();
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
  const notBefore = at(options.notBeforeSeconds ?? -60);
  const notOnOrAfter = at(options.notOnOrAfterSeconds ?? 300);
  const issueInstant = at(Math.min(0, (options.notOnOrAfterSeconds ?? 300) - 300));
  const assertionId = options.assertionId ?? `_a${randomBytes(16).toString('hex')}`;
  const attributes = Object.entries(options.attributes)
    .map(
      ([name, values]) =>
        `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
        values.map((v) => `<saml:AttributeValue>${esc(v)}</saml:AttributeValue>`).join('') +
        `</saml:Attribute>`,
    )
    .join('');
  const assertion =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${issueInstant}">` +
    `<saml:Issuer>${esc(options.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${esc(options.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData InResponseTo="${options.inResponseTo}" NotOnOrAfter="${notOnOrAfter}" Recipient="${esc(options.acsUrl)}"/>` +
    `</saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">` +
    `<saml:AudienceRestriction><saml:Audience>${esc(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issueInstant}" SessionIndex="${assertionId}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    `</saml:Assertion>`;
  const response =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomBytes(16).toString('hex')}" Version="2.0" IssueInstant="${issueInstant}" Destination="${esc(options.acsUrl)}" InResponseTo="${options.inResponseTo}">` +
    `<saml:Issuer>${esc(options.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`;
  const xml = options.signWith ? signAssertion(response, options.signWith) : response;
  return Buffer.from(xml).toString('base64');
}

/** Sign the Response's Assertion (enveloped, exclusive c14n, RSA-SHA256), signature after its Issuer. */
function signAssertion(xml: string, key: string): string {
  const sig = new SignedXml({
    privateKey: key,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(xml, {
    location: {
      reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']",
      action: 'after',
    },
  });
  return sig.getSignedXml();
}
