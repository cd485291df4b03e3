import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-organisation.js';
import { passwordProblem } from './password.js';

const mette = { email: 'mette.hansen@kommune.dk', name: 'Mette Hansen' };

describe('passwordProblem', () => {
  it('refuses short, repeated, common and Danish-word passwords with the reason', async () => {
    expect((await passwordProblem('kort-ord', mette))?.en).toMatch(/at least 12/);
    expect((await passwordProblem('aaaaaaaaaaaa', mette))?.da).toMatch(/gentager tegn/);
    expect((await passwordProblem('123456789012', mette))?.en).toMatch(/common password/);
    for (const weak of ['sommerfugl2024', 'Sommerfugl2024!', 'jegelskerdig1', 'København2025!']) {
      const problem = await passwordProblem(weak, mette);
      expect(problem?.da, weak).toMatch(/for let at gætte/);
      expect(problem?.en, weak).toMatch(/too easy to guess/);
    }
  });

  it("refuses the person's e-mail and name, whole or inside", async () => {
    for (const personal of [
      'mette.hansen@kommune.dk',
      'xx-mette.hansen@kommune.dk',
      'Mette Hansen 2024 !x',
      'mettehansen-blå-tog',
      'MetteHansen-blå-tog',
      'mette-hansen-99x!',
      'xx Mette.Hansen kommune',
      'Hansen-blå-tog-2024',
    ]) {
      expect((await passwordProblem(personal, mette))?.en, personal).toMatch(/e-mail or name/);
    }
  });

  it('accepts long passphrases and the demo password', async () => {
    expect(await passwordProblem('korrekt hest batteri hæfteklamme', mette)).toBeUndefined();
    expect(await passwordProblem('another-password-123', mette)).toBeUndefined();
    expect(
      await passwordProblem('another-password-123', { email: 'a@b.dk', name: 'Other Admin' }),
    ).toBeUndefined();
    expect(
      await passwordProblem(DEMO_PASSWORD, { email: 'admin@demo.samspil.dk', name: 'Anna Admin' }),
    ).toBeUndefined();
  });
});
