/** Secrets in mail text: kept apart from the stored text, filled in to send, hidden to show. */
import { describe, expect, it } from 'vitest';
import { HIDDEN_SECRET, fillSecrets, hideSecrets, separateSecrets } from './mail.service.js';

const LINK = 'http://localhost:3000/s/0b6c6d3e-2c4f-4c53-9a55-5c1f4d0f2a11/abcDEF_123-xyz';

describe('mail secrets', () => {
  it('stores declared secrets and undeclared personal links as placeholders, and fills them back', () => {
    const text = `Din kode er 123456.\nLink: ${LINK}\nIgen: ${LINK}\n`;
    const stored = separateSecrets(text, ['123456']);
    expect(stored.text).not.toContain('123456');
    expect(stored.text).not.toContain('/s/');
    expect([...stored.secrets].sort()).toEqual(['123456', LINK].sort());
    expect(fillSecrets(stored.text, stored.secrets)).toBe(text);
    expect(hideSecrets(stored.text)).toBe(
      `Din kode er ${HIDDEN_SECRET}.\nLink: ${HIDDEN_SECRET}\nIgen: ${HIDDEN_SECRET}\n`,
    );
  });

  it('replaces a link whole before a token inside it', () => {
    const token = LINK.split('/').at(-1)!;
    const stored = separateSecrets(`Link: ${LINK}`, [token]);
    expect(stored.secrets).toEqual([LINK]);
    expect(fillSecrets(stored.text, stored.secrets)).toBe(`Link: ${LINK}`);
  });

  it('shows no secret once the secrets are dropped, and hides links stored by older versions', () => {
    const stored = separateSecrets(`Link: ${LINK}`);
    expect(fillSecrets(stored.text, null)).toBe(`Link: ${HIDDEN_SECRET}`);
    expect(hideSecrets(`Old: ${LINK}`)).toBe(`Old: ${HIDDEN_SECRET}`);
  });

  it('keeps only the secrets the text holds, each at its own place', () => {
    const stored = separateSecrets('Koden er 654321.', ['not-in-the-text', '654321']);
    expect(stored).toEqual({ text: 'Koden er ⟦secret:0⟧.', secrets: ['654321'] });
    expect(fillSecrets(stored.text, stored.secrets)).toBe('Koden er 654321.');
  });

  it('leaves a text without secrets as it is', () => {
    const text = 'Læs det i Samspil: http://localhost:3000/forloeb/x/borgeren';
    expect(separateSecrets(text)).toEqual({ text, secrets: [] });
  });
});
