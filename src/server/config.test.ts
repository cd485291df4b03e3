import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'samspil-config-'));

describe('loadConfig', () => {
  it('reports every problem in one message', () => {
    try {
      loadConfig({
        PORT: 'abc',
        MIN_GROUP_SIZE: '2',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'http://x',
        DATA_DIR: dataDir(),
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/MIN_GROUP_SIZE/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/SMTP_URL/);
    }
  });

  it('uses the defaults and keeps a generated session secret in the data directory', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      minGroupSize: 5,
      databaseUrl: undefined,
      secureCookies: false,
    });
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(
      config.sessionSecret,
    );
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('requires secrets in production and uses secure cookies there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(
      /SESSION_SECRET is required/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      CPR_KEY: Buffer.alloc(32).toString('base64'),
      DATABASE_URL: 'postgres://u@h/db',
    });
    expect(config.secureCookies).toBe(true);
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses, and ignores proxies without it', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' })
        .trustProxy,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'loopback']);
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/33' })).toThrow(
      /bad: 10.0.0.0\/33/,
    );
  });

  it("defaults the SAML SP's entity id to its metadata URL and checks its key files", () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'https://samspil.aarhus.dk/' }).saml).toEqual({
      entityId: 'https://samspil.aarhus.dk/api/auth/saml/metadata',
      privateKey: undefined,
      certificate: undefined,
    });
    expect(
      loadConfig({ DATA_DIR: dir, SAML_SP_ENTITY_ID: 'https://samspil.dk/sp' }).saml.entityId,
    ).toBe('https://samspil.dk/sp');
    const notAKey = path.join(dir, 'not-a-key.pem');
    writeFileSync(notAKey, 'hello');
    try {
      loadConfig({ DATA_DIR: dir, SAML_SP_KEY_FILE: notAKey, SAML_SP_CERT_FILE: '/nowhere.pem' });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/SAML_SP_KEY_FILE must name a PEM file with a private key/);
      expect(problems).toMatch(/SAML_SP_CERT_FILE names a file that cannot be read/);
    }
    expect(() => loadConfig({ DATA_DIR: dir, SAML_SP_KEY_FILE: notAKey })).toThrow(
      /must be set together/,
    );
  });
});
