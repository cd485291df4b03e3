/**
 * The meetings tab and the instruments admin page in a real browser: the demo caseworker
 * opens a demo course, plans a network meeting with invitees from the network, downloads
 * its calendar invitation (.ics), records minutes and an agreement and turns the
 * agreement into a plan action; the admin creates a progression instrument (the server's
 * message for one without items first). Every page is checked with axe-core.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_INSTRUMENTS } from '../src/progression/default-instruments.js';
import type { TestApp } from '../test/helpers/test-app.js';
import { login, skipAfterFailure, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const WIDE = { width: 1280, height: 900 };
const CASEWORKER = 'sagsbehandler@demo.samspil.dk';
const ADMIN = 'admin@demo.samspil.dk';
const MEETING = 'Netværksmøde om bolig og behandling';
const AGREEMENT = 'Fælles telefonmøde hver anden uge';
/** A field's label exactly, with or without the required marker (" *"). */
const exactly = (label: string) =>
  new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

describe.skipIf(!haveChromium)('meetings and instruments in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  useBrowserApp({ demoCourses: true }, async (started) => {
    ({ app, browser } = started);
    page = await browser.newPage({ viewport: WIDE, acceptDownloads: true });
  });

  // Each step builds on the one before: after a failure the rest would only time out.
  skipAfterFailure();

  test('the caseworker plans a network meeting with invitees from the network', async () => {
    await login(page, app, CASEWORKER);
    await page.getByRole('link', { name: 'Borgerforløb', exact: true }).click();
    await page.getByRole('link', { name: 'Mikkel Holm' }).click();
    await page.waitForURL(/\/forloeb\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Møder' }).click();
    await page.waitForURL(/\/moeder$/);
    await page.locator('#meetings-title').waitFor();
    await checkA11y(page, 'meetings tab');

    await page.getByRole('button', { name: 'Planlæg møde' }).click();
    const form = page.locator('form.meeting-form');
    await form.getByLabel(exactly('Slags møde')).selectOption('netvaerk');
    await form.getByLabel(exactly('Titel')).fill(MEETING);
    await form.getByLabel(exactly('Sted')).fill('Mødelokale 2, Rådhuset');
    await form.getByLabel(exactly('Dagsorden')).fill('1. Bolig\n2. Behandling');
    await form.getByRole('checkbox', { name: 'Misbrugscenter' }).check();
    await form.getByRole('checkbox', { name: 'Lægehuset Torvet' }).check();
    await form.getByLabel(exactly('Ordstyrer (kaptajn)')).selectOption({
      label: 'Sara Sagsbehandler',
    });
    await checkA11y(page, 'planning a meeting');
    await form.getByRole('button', { name: 'Planlæg og send invitationer' }).click();

    const card = page.locator('article.meeting-card').filter({ hasText: MEETING });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('Lægehuset Torvet');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Misbrugscenter');
    expect(text).toContain('Sara Sagsbehandler');
    expect(text).toContain('Mødelokale 2, Rådhuset');
  });

  test('downloads the calendar invitation (.ics) of the meeting', async () => {
    const card = page.locator('article.meeting-card').filter({ hasText: MEETING });
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      card.getByRole('link', { name: 'Kalenderfil (.ics)' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const ics = (await readFile(await file.path())).toString('utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toMatch(/\r\nSUMMARY:[^\r\n]*Netværksmøde om bolig og behandling/);
    expect(ics).toMatch(/\r\nLOCATION:Mødelokale 2\\, Rådhuset\r\n/);
    expect(ics).toMatch(/\r\nDTSTART[:;][^\r\n]+\r\n/);
    expect(ics).toMatch(/\r\nUID:[^\r\n]+\r\n/);
    expect(ics).toContain('END:VCALENDAR');
    // Nothing about the citizen beyond what the meeting says: never the CPR number.
    expect(ics).not.toContain('120392');
  });

  test('records minutes and an agreement, and turns the agreement into a plan action', async () => {
    const card = page.locator('article.meeting-card').filter({ hasText: MEETING });
    await card.locator('summary', { hasText: 'Referat og aftaler' }).click();
    await card.getByLabel(exactly('Referat')).fill('Mikkel fortalte om sin uge. Boligen haster.');
    await card.getByRole('button', { name: 'Tilføj aftale' }).click();
    await card.getByLabel(exactly('Hvad')).fill(AGREEMENT);
    await card.getByLabel(exactly('Hvem')).selectOption({ label: 'Misbrugscenter' });
    await card.getByLabel(exactly('Hvornår')).fill('2030-01-15');
    await checkA11y(page, 'minutes and agreements');
    await card.getByRole('button', { name: 'Gem referat og aftaler' }).click();
    await card.getByText('Referat og aftaler er gemt.').waitFor();

    await card.getByRole('button', { name: 'Sæt aftalerne ind i planen' }).click();
    await card.getByText(/1 aftaler står nu i planen \(version \d+\)/).waitFor();
    await card.getByText(/Aftalerne blev til planens version \d+/).waitFor();

    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.waitForURL(/\/plan$/);
    await page.getByText(AGREEMENT).first().waitFor();
    await checkA11y(page, 'plan with the agreement');
  });

  test('the admin creates a progression instrument, and one without items gets the server’s message', async () => {
    const admin = await browser.newPage({ viewport: WIDE });
    try {
      await login(admin, app, ADMIN);
      await admin.getByRole('link', { name: 'Redskaber' }).click();
      await admin.waitForURL(/\/redskaber$/);
      await admin.getByRole('heading', { name: 'Redskaber til progression', level: 1 }).waitFor();
      // The shipped defaults are listed.
      await expect.poll(() => admin.locator('tbody tr').count()).toBe(DEFAULT_INSTRUMENTS.length);
      await checkA11y(admin, 'instruments list');

      await admin.getByRole('button', { name: 'Nyt redskab' }).click();
      const form = admin.locator('form').filter({ has: admin.getByRole('heading', { level: 2 }) });
      await form.getByLabel(exactly('Navn')).fill('Familiens hverdag');
      await form.getByLabel(exactly('Målgruppe')).selectOption('familier');
      // Remove the one empty question: the server answers that an instrument needs one.
      await form.getByRole('button', { name: 'Fjern spørgsmålet Spørgsmål 1' }).click();
      await admin.getByRole('dialog').getByRole('button', { name: 'Fjern spørgsmålet' }).click();
      await form.getByText('Redskabet har ingen spørgsmål.').waitFor();
      await form.getByRole('button', { name: 'Gem redskabet' }).click();
      await form
        .getByRole('alert')
        .getByText('Et redskab skal have mindst ét spørgsmål.')
        .waitFor();

      await form.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
      await form.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
      const first = form.getByRole('group', { name: 'Spørgsmål 1' });
      const second = form.getByRole('group', { name: 'Spørgsmål 2' });
      await first.getByLabel(exactly('Spørgsmålet')).fill('Hvordan går hverdagen?');
      await first.getByLabel(exactly('Svar')).selectOption('scale-0-10');
      await first.getByLabel('Ord ved den laveste værdi').fill('Meget dårligt');
      await first.getByLabel('Ord ved den højeste værdi').fill('Rigtig godt');
      await second.getByLabel(exactly('Spørgsmålet')).fill('Har I fået den hjælp, I bad om?');
      await second.getByLabel(exactly('Svar')).selectOption('yes-no');
      // Move the yes/no question first.
      await second.getByRole('button', { name: 'Flyt op Spørgsmål 2' }).click();
      await expect
        .poll(() =>
          form
            .getByRole('group', { name: 'Spørgsmål 1' })
            .getByLabel(exactly('Spørgsmålet'))
            .inputValue(),
        )
        .toBe('Har I fået den hjælp, I bad om?');
      await checkA11y(admin, 'instrument form');
      await form.getByRole('button', { name: 'Gem redskabet' }).click();

      await admin.getByText('Familiens hverdag er oprettet.').waitFor();
      const row = admin.locator('tbody tr').filter({ hasText: 'Familiens hverdag' });
      await expect.poll(() => row.textContent()).toContain('Familier');
      expect(await row.locator('td').nth(1).textContent()).toBe('2');
      await checkA11y(admin, 'instruments list after creating');

      const saved = await app.handle.db
        .selectFrom('progression_instrument')
        .select(['target_group', 'items'])
        .where('name', '=', 'Familiens hverdag')
        .executeTakeFirstOrThrow();
      expect(saved.target_group).toBe('familier');
      expect(saved.items.map((i) => [i.kind, i.text])).toEqual([
        ['yes-no', 'Har I fået den hjælp, I bad om?'],
        ['scale-0-10', 'Hvordan går hverdagen?'],
      ]);
      expect(saved.items[1]).toMatchObject({ low: 'Meget dårligt', high: 'Rigtig godt' });
      expect(saved.items.every((i) => /^[a-z0-9-]{1,40}$/.test(i.id))).toBe(true);
    } finally {
      await admin.close();
    }
  });
});
