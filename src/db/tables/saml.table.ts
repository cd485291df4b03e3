import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { UpdatedAt } from './columns.js';

/** A municipality's SAML identity provider and how its assertions become Samspil logins. */
export interface SamlSettingsTable {
  municipality_id: string;
  enabled: boolean;
  /** Where the IdP metadata was fetched from; null when it was pasted. */
  metadata_url: string | null;
  metadata_xml: string;
  idp_entity_id: string;
  /** The IdP's single sign-on endpoint for the HTTP-Redirect binding. */
  idp_sso_url: string;
  /** The IdP's signing certificates (base64 DER, as in the metadata). */
  idp_certificates: string[];
  metadata_fetched_at: ColumnType<Date, Date | undefined, Date>;
  /** Lower-case e-mail domains this IdP signs in (`aarhus.dk`). */
  email_domains: string[];
  email_attribute: string;
  name_attribute: string;
  role_attribute: string;
  /** Named system role (or attribute value) → Samspil role. */
  role_map: ColumnType<Record<string, string>, string, string>;
  /** When set, only KOMBIT privileges scoped to this CVR number count. */
  cvr: string | null;
  /** Whether this municipality's users may still log in with a password. */
  local_passwords: boolean;
  updated_at: UpdatedAt;
}

/** An AuthnRequest we sent and have not yet had an answer to (its id is `InResponseTo`). */
export interface SamlRequestTable {
  id: string;
  municipality_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** An assertion already used to sign in, kept until it expires so it cannot be replayed. */
export interface SamlAssertionTable {
  issuer: string;
  id: string;
  municipality_id: string;
  expires_at: Date;
}

export type SamlSettings = Selectable<SamlSettingsTable>;
export type NewSamlSettings = Insertable<SamlSettingsTable>;
