/**
 * Configuration, parsed once at start from the environment and then frozen.
 *
 * Every problem is collected and reported in one message, so an operator fixes
 * the environment in one go instead of one restart per mistake.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/** The parsed, frozen configuration the app is built from. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL URL; `undefined` means the embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly sessionSecret: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** URL of the HTTP SMS gateway; `undefined` means the development outbox (none in production). */
  readonly smsUrl: string | undefined;
  /** Bearer token for the SMS gateway. */
  readonly smsToken: string | undefined;
  readonly minGroupSize: number;
  /** Public base URL used in e-mailed links. */
  readonly publicUrl: string;
  /** Secure (`__Host-`) cookies; relaxed only for plain-http localhost development. */
  readonly secureCookies: boolean;
  readonly production: boolean;
  /** Key (32 bytes, base64) for encrypting CPR numbers at rest. */
  readonly cprKey: string;
  /** Days the audit log keeps a deleted course's entries before they are purged. */
  readonly auditRetentionDays: number;
  /** Level of the JSON log (`serve`); `silent` turns logging off. */
  readonly logLevel: LogLevel;
  /** Bearer token for `/metrics`; `undefined` means no metrics endpoint. */
  readonly metricsToken: string | undefined;
  /**
   * The proxies whose forwarded headers (`X-Forwarded-For`, …) are believed, as Fastify's
   * `trustProxy` takes them: a hop count or a list of addresses/CIDRs. `false` ignores them.
   */
  readonly trustProxy: false | number | string[];
  /** Our SAML service provider: entity id, and the key pair it signs and decrypts with. */
  readonly saml: SamlSpConfig;
}

/** The one SAML service provider all municipalities share (`src/auth/saml`). */
export interface SamlSpConfig {
  /** Our entity id; defaults to the metadata URL. */
  readonly entityId: string;
  /** PEM private key signing AuthnRequests and decrypting assertions; unset: neither. */
  readonly privateKey: string | undefined;
  /** PEM certificate of that key, published in our metadata. */
  readonly certificate: string | undefined;
}

/** The log levels `LOG_LEVEL` accepts (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const SECRET_FILE = 'session-secret';
const CPR_KEY_FILE = 'cpr-key';

/**
 * Read a development secret kept in the data directory, creating it on first use.
 * Production must set the secret explicitly: a secret on local disk beside the
 * database is only acceptable for a single-machine development install.
 */
function developmentSecret(dataDir: string, file: string, bytes: number): string {
  const secretPath = path.join(dataDir, file);
  if (existsSync(secretPath)) return readFileSync(secretPath, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString('base64');
  writeFileSync(secretPath, secret + '\n', { mode: 0o600 });
  return secret;
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One trusted proxy: an IP address, a CIDR range or one of proxy-addr's named ranges. */
function validProxy(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** `TRUST_PROXY`: unset ignores forwarded headers; a number counts hops; else a list. */
function trustProxy(raw: string | undefined, problems: string[]): Config['trustProxy'] {
  if (raw === undefined || raw.trim() === '') return false;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const list = raw.split(',').map((entry) => entry.trim());
  const bad = list.filter((entry) => !validProxy(entry));
  if (bad.length > 0) {
    problems.push(
      `TRUST_PROXY must be a hop count or a comma-separated list of addresses or CIDR ranges (bad: ${bad.join(', ')})`,
    );
    return false;
  }
  return list;
}

/** `SAML_SP_ENTITY_ID`, `SAML_SP_KEY_FILE` and `SAML_SP_CERT_FILE` (both files or neither). */
function samlSp(env: NodeJS.ProcessEnv, publicUrl: string, problems: string[]): SamlSpConfig {
  const entityId = env.SAML_SP_ENTITY_ID || `${publicUrl}/api/auth/saml/metadata`;
  const read = (name: string, label: string, pattern: RegExp): string | undefined => {
    const file = env[name];
    if (!file) return undefined;
    try {
      const pem = readFileSync(file, 'utf8');
      if (pattern.test(pem)) return pem;
      problems.push(`${name} must name a PEM file with a ${label} (${file})`);
    } catch {
      problems.push(`${name} names a file that cannot be read (${file})`);
    }
    return undefined;
  };
  const privateKey = read('SAML_SP_KEY_FILE', 'private key', /-----BEGIN (RSA )?PRIVATE KEY/);
  const certificate = read('SAML_SP_CERT_FILE', 'certificate', /-----BEGIN CERTIFICATE/);
  if (Boolean(env.SAML_SP_KEY_FILE) !== Boolean(env.SAML_SP_CERT_FILE)) {
    problems.push('SAML_SP_KEY_FILE and SAML_SP_CERT_FILE must be set together');
  }
  return Object.freeze({ entityId, privateKey, certificate });
}

/** Parse the whole environment; throws one `ConfigError` listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const port = integer(env, 'PORT', 3000, 0, 65535, problems);
  const minGroupSize = integer(env, 'MIN_GROUP_SIZE', 5, 3, 1000, problems);
  const auditRetentionDays = integer(env, 'AUDIT_RETENTION_DAYS', 183, 0, 3650, problems);
  if (env.MIN_GROUP_SIZE !== undefined && Number(env.MIN_GROUP_SIZE) < 3) {
    problems.push('MIN_GROUP_SIZE can never be below 3 (anonymity)');
  }

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push('SMTP_URL must start with smtp:// or smtps://');
  }
  const smsUrl = env.SMS_URL || undefined;
  if (smsUrl !== undefined && !/^https?:\/\//.test(smsUrl)) {
    problems.push('SMS_URL must start with http:// or https://');
  }
  const smsToken = env.SMS_TOKEN || undefined;
  if (smsToken !== undefined && smsUrl === undefined) {
    problems.push('SMS_TOKEN is set but SMS_URL is not');
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\//.test(publicUrl))
    problems.push('PUBLIC_URL must start with http:// or https://');

  const dataDir = path.resolve(env.DATA_DIR || './data');
  const secureCookies = production || publicUrl.startsWith('https://');

  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret !== '' && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters');
  }
  let cprKey = env.CPR_KEY ?? '';
  if (cprKey !== '' && Buffer.from(cprKey, 'base64').length !== 32) {
    problems.push('CPR_KEY must be 32 bytes encoded as base64');
  }
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  }
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 32) {
    problems.push('METRICS_TOKEN must be at least 32 characters');
  }
  const trustedProxies = trustProxy(env.TRUST_PROXY, problems);
  const saml = samlSp(env, publicUrl, problems);
  if (production && sessionSecret === '') problems.push('SESSION_SECRET is required in production');
  if (production && cprKey === '') problems.push('CPR_KEY is required in production');

  if (problems.length > 0) throw new ConfigError(problems);

  if (sessionSecret === '') sessionSecret = developmentSecret(dataDir, SECRET_FILE, 48);
  if (cprKey === '') cprKey = developmentSecret(dataDir, CPR_KEY_FILE, 32);

  return Object.freeze({
    port,
    host: env.HOST || (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    dataDir,
    sessionSecret,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Samspil <no-reply@samspil.local>',
    smsUrl,
    smsToken,
    minGroupSize,
    publicUrl,
    secureCookies,
    production,
    cprKey,
    auditRetentionDays,
    logLevel,
    metricsToken,
    trustProxy: trustedProxies,
    saml,
  });
}
