/**
 * Implementation surveys in a real browser: the analyst creates a survey from the default
 * item set and opens it; a respondent answers it on a phone by the link from the mail
 * (every item on its own scale) and submits; the analyst reads the demo's closed survey's
 * report with % per answer and n, hidden groups saying why. Every page is checked with axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_IMPLEMENTATION_ITEMS } from '../contract/implementation.js';
import type { TestApp } from '../test/helpers/test-app.js';
import { devMail, login, skipAfterFailure, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const LINK = /\/s\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}/g;

describe.skipIf(!haveChromium)('implementation surveys in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  useBrowserApp({}, async (started) => {
    ({ app, browser } = started);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  skipAfterFailure();

  test('the analyst creates and opens a survey from the default set', async () => {
    await login(page, app, 'analytiker@demo.samspil.dk');
    await page.goto(`${app.url}/implementering`);
    await page.getByRole('heading', { name: 'Implementeringsundersøgelser' }).waitFor();
    await checkA11y(page, 'implementation surveys');
    await page.getByLabel('Titel').fill('Én plan i UU-vejledning');
    await page.getByRole('checkbox', { name: 'UU-vejledning' }).check();
    await page.getByRole('button', { name: 'Opret kladde' }).click();
    await page.getByRole('link', { name: 'Én plan i UU-vejledning' }).click();
    await page.getByRole('button', { name: 'Åbn og send invitationer' }).click();
    await page.getByRole('button', { name: 'Luk undersøgelsen' }).waitFor();
    await checkA11y(page, 'open implementation survey');
  });

  test('a respondent answers on a phone', async () => {
    const mails = await devMail(app, 'invitation');
    const link = mails.flatMap((m) => m.text.match(LINK) ?? [])[0]!;
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${app.url}${link}`);
    await phone.getByRole('button', { name: 'Start' }).click();
    await phone.getByRole('heading', { name: 'Én plan i praksis' }).waitFor();
    await checkA11y(phone, 'implementation items on a phone');
    for (const [i, item] of DEFAULT_IMPLEMENTATION_ITEMS.entries()) {
      const answer = i === 2 ? 'Ved ikke' : item.scale === 'enig' ? 'Enig' : 'I nogen grad';
      await phone
        .getByRole('group', { name: item.da })
        .getByRole('radio', { name: answer, exact: true })
        .check();
    }
    await phone.getByText('Gemt', { exact: true }).waitFor();
    await phone.getByRole('button', { name: 'Næste' }).click();
    await phone.getByRole('button', { name: 'Indsend svar' }).click();
    await phone.getByRole('button', { name: 'Ja, indsend' }).click();
    await phone.getByRole('heading', { name: 'Tak for dine svar' }).waitFor();
    await checkA11y(phone, 'implementation survey submitted');
    await phone.close();
  });

  test('the analyst reads the report of the closed demo survey', async () => {
    await page.goto(`${app.url}/implementering`);
    await page.getByRole('link', { name: 'Implementering af Én plan, efterår 2026' }).click();
    const first = page.getByRole('table', { name: `1. ${DEFAULT_IMPLEMENTATION_ITEMS[0]!.da}` });
    await first.waitFor();
    const everyone = first.getByRole('row', { name: /^Alle/ });
    await expect.poll(() => everyone.textContent()).toMatch(/\d/);
    expect(await first.getByRole('columnheader', { name: 'Meget enig (%)' }).count()).toBe(1);
    expect(await first.getByRole('row', { name: /Ledere/ }).count()).toBe(1);
    await page.getByRole('link', { name: 'Hent CSV' }).waitFor();
    await checkA11y(page, 'implementation report');
  });

  test('a leader reads the report of her own unit from the menu', async () => {
    const leader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(leader, app, 'leder@demo.samspil.dk');
    await leader.getByRole('link', { name: 'Implementeringsundersøgelser' }).click();
    await leader.getByRole('link', { name: 'Implementering af Én plan, efterår 2026' }).click();
    const first = leader.getByRole('table', { name: `1. ${DEFAULT_IMPLEMENTATION_ITEMS[0]!.da}` });
    await first.waitFor();
    // Everyone, the roles and her own unit (Jobcenter); no other unit, no run buttons.
    await expect.poll(() => first.getByRole('row', { name: /^Alle/ }).textContent()).toMatch(/\d/);
    expect(await first.getByRole('row', { name: /^Jobcenter/ }).count()).toBe(1);
    expect(await first.getByRole('row', { name: /^Misbrugscenter/ }).count()).toBe(0);
    expect(await leader.getByRole('button', { name: 'Luk undersøgelsen' }).count()).toBe(0);
    await checkA11y(leader, 'implementation report for a leader');
    await leader.close();
  });
});
