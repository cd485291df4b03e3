import { mkdtempSync, readFileSync } from 'node:fs';
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
});
