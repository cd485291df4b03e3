/**
 * Workshops, interventions and the leader's overview in real browsers: the analytiker
 * facilitates all three steps of a workshop with four actors while the leader follows
 * live in a second browser context; the development point shows in the leader's
 * overview; the leader plans an intervention from the template and sees the follow-up
 * measurement scheduled; axe-core finds nothing on the workshop, intervention and
 * overview pages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../test/helpers/test-app.js';
import { login, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';

const WIDE = { width: 1366, height: 900 };

describe.skipIf(!haveChromium)('workshops, interventions and the overview in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let facilitatorContext: BrowserContext;
  let followerContext: BrowserContext;
  let facilitator: Page;
  let follower: Page;

  useBrowserApp({}, async (started) => {
    ({ app, browser } = started);
    facilitatorContext = await browser.newContext({ viewport: WIDE, acceptDownloads: true });
    followerContext = await browser.newContext({ viewport: WIDE });
    facilitator = await facilitatorContext.newPage();
    follower = await followerContext.newPage();
  });

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

  const rate = async (page: Page, from: string, to: string, rating: string) => {
    const group = page.getByRole('group', { name: `Hvordan ser ${from} relationen til ${to}?` });
    await group.getByLabel(rating).check();
    await expect.poll(() => group.getByLabel(rating).isChecked()).toBe(true);
  };

  test('a facilitator runs the three steps with four actors while a second browser follows live', async () => {
    await login(facilitator, app, 'analytiker@demo.samspil.dk');
    await nav(facilitator).getByRole('link', { name: 'Workshops' }).click();
    await facilitator.getByLabel('Titel').fill('Netværket om dobbeltdiagnoser');
    await facilitator.getByLabel('Målgruppe').fill('Borgere med dobbeltdiagnose');
    const measurement = facilitator.getByLabel('Måling at sammenligne med (valgfri)');
    const waves = await measurement.locator('option').allTextContents();
    await measurement.selectOption({ label: waves.find((o) => o.endsWith('(efter)'))! });
    await facilitator.getByRole('button', { name: 'Start workshop' }).click();
    await facilitator.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
    const url = facilitator.url();
    await facilitator.getByText('Du faciliterer.').waitFor();

    await login(follower, app, 'leder@demo.samspil.dk');
    await follower.goto(url);
    await follower.getByText('Aksel Analytiker faciliterer.').waitFor();
    await follower.locator('.workshop-live--on').waitFor();

    // Step 1: four actors, three units and one typed on the spot.
    for (const unit of ['Jobcenter', 'Misbrugscenter', 'Socialafdelingen voksne']) {
      await facilitator.getByLabel('Enhed', { exact: true }).selectOption({ label: unit });
      await facilitator.getByRole('button', { name: 'Tilføj aktør' }).click();
      await facilitator.locator('.workshop-actors__name', { hasText: unit }).waitFor();
    }
    await facilitator.getByLabel('Navn', { exact: true }).fill('Egen læge');
    await facilitator.getByRole('button', { name: 'Tilføj aktør' }).click();
    await expect.poll(() => follower.locator('.workshop-actors__item').count()).toBe(4);
    expect(await follower.locator('.workshop-actors__name').allTextContents()).toEqual([
      'Jobcenter',
      'Misbrugscenter',
      'Socialafdelingen voksne',
      'Egen læge',
    ]);

    // Move one bubble with the keyboard and one by dragging; both are saved.
    const xOf = (name: string) => facilitator.getByLabel(`Vandret placering af ${name}`);
    const laegeX = Number(await xOf('Egen læge').inputValue());
    await facilitator.getByRole('button', { name: /^Egen læge, placeret ved/ }).focus();
    await facilitator.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await xOf('Egen læge').inputValue())).toBe(laegeX + 20);
    const jobX = Number(await xOf('Jobcenter').inputValue());
    const bubble = await facilitator
      .getByRole('button', { name: /^Jobcenter, placeret ved/ })
      .boundingBox();
    await facilitator.mouse.move(bubble!.x + bubble!.width / 2, bubble!.y + bubble!.height / 2);
    await facilitator.mouse.down();
    await facilitator.mouse.move(
      bubble!.x + bubble!.width / 2 + 60,
      bubble!.y + bubble!.height / 2 + 10,
      { steps: 5 },
    );
    await facilitator.mouse.up();
    await expect
      .poll(async () => Number(await xOf('Jobcenter').inputValue()))
      .toBeGreaterThan(jobX + 30);
    await checkA11y(facilitator, 'workshop step 1 (facilitator)');
    await checkA11y(follower, 'workshop step 1 (follower)');

    // Step 2: in each actor's place, the room colours the ties.
    await facilitator.getByRole('button', { name: '2. Vurdér relationerne' }).click();
    await follower
      .getByRole('heading', { name: 'Se relationerne, som Jobcenter ser dem' })
      .waitFor();
    await rate(facilitator, 'Jobcenter', 'Misbrugscenter', 'God (grøn)');
    await rate(facilitator, 'Jobcenter', 'Socialafdelingen voksne', 'Middel (gul)');
    await rate(facilitator, 'Jobcenter', 'Egen læge', 'Lav (rød)');
    await facilitator.getByRole('button', { name: 'Næste aktør' }).click();
    await follower
      .getByRole('heading', { name: 'Se relationerne, som Misbrugscenter ser dem' })
      .waitFor();
    await rate(facilitator, 'Misbrugscenter', 'Jobcenter', 'Lav (rød)');
    await rate(facilitator, 'Misbrugscenter', 'Socialafdelingen voksne', 'Middel (gul)');
    const difference =
      'Jobcenter ser relationen til Misbrugscenter som God (grøn), mens Misbrugscenter ser relationen til Jobcenter som Lav (rød).';
    await follower.getByText(difference).waitFor();
    await checkA11y(facilitator, 'workshop step 2 (facilitator)');
    await checkA11y(follower, 'workshop step 2 (follower)');

    // A reload in the middle of step 2 comes back to the same actor and ratings.
    await facilitator.reload();
    await facilitator
      .getByRole('heading', { name: 'Se relationerne, som Misbrugscenter ser dem' })
      .waitFor();
    expect(
      await facilitator
        .getByRole('group', { name: 'Hvordan ser Misbrugscenter relationen til Jobcenter?' })
        .getByLabel('Lav (rød)')
        .isChecked(),
    ).toBe(true);

    // Step 3: a development point needs an owner.
    await facilitator.getByRole('button', { name: '3. Aftal udviklingspunkter' }).click();
    await facilitator
      .getByRole('textbox', { name: 'Udviklingspunkt', exact: true })
      .fill('Fast telefontid mellem Jobcenter og Misbrugscenter');
    await facilitator.getByRole('button', { name: 'Tilføj udviklingspunkt' }).click();
    await facilitator.getByText('Skriv, hvem der er ansvarlig.').waitFor();
    await facilitator.getByLabel('Ansvarlig').fill('Lise Leder');
    await facilitator.getByLabel('Dato').fill('2026-09-01');
    await facilitator.getByRole('button', { name: 'Tilføj udviklingspunkt' }).click();
    await follower
      .getByText('Fast telefontid mellem Jobcenter og Misbrugscenter')
      .first()
      .waitFor();
    await follower.getByText('Ansvarlig: Lise Leder').first().waitFor();

    // The room beside the measurement.
    await facilitator.getByRole('button', { name: 'Vis ved siden af målingen' }).click();
    await facilitator.getByRole('heading', { name: 'Hvor rummet og målingen er uenige' }).waitFor();
    expect(await facilitator.locator('.workshop-compare svg').count()).toBe(2);
    await checkA11y(facilitator, 'workshop step 3 with the comparison');

    // The PDF export.
    const [pdf] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.getByRole('link', { name: 'Hent PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^workshop-.*\.pdf$/);
  });

  test("the development point shows in the leader's overview, with figures linked to the analysis", async () => {
    await nav(follower).getByRole('link', { name: 'Overblik' }).click();
    await follower.getByRole('heading', { name: 'Åbne udviklingspunkter' }).waitFor();
    await follower.getByText(/Fast telefontid mellem Jobcenter og Misbrugscenter/).waitFor();
    await follower.getByRole('heading', { name: 'De svageste broer' }).waitFor();
    const link = follower.getByRole('link', { name: 'Jobcenter', exact: true });
    expect(await link.getAttribute('href')).toMatch(/\/maalinger\/[0-9a-f-]{36}\/analyse#a-units$/);
    await checkA11y(follower, "the leader's overview");
  });

  test('a leader plans an intervention from the template and sees the follow-up measurement scheduled', async () => {
    await nav(follower).getByRole('link', { name: 'Ledelsesinterventioner' }).click();
    await follower.getByRole('button', { name: 'Planlæg en ledelsesintervention' }).click();
    await follower
      .getByRole('heading', { name: 'Planlæg en ledelsesintervention ud fra skabelonen' })
      .waitFor();
    await checkA11y(follower, 'the intervention plan form');
    await follower.getByLabel('Titel').fill('Netværksmøder om dobbeltdiagnoser');
    const colleagues = follower.getByLabel('Ledelseskollega til stede');
    await colleagues.nth(0).fill('Mads Madsen');
    await colleagues.nth(1).fill('Mads Madsen');
    const options = await follower
      .getByLabel('Måling, ledelsesinterventionen bygger på')
      .locator('option')
      .allTextContents();
    await follower
      .getByLabel('Måling, ledelsesinterventionen bygger på')
      .selectOption({ label: options.find((o) => o.endsWith('(efter)'))! });
    await follower.getByLabel('Opfølgningsmåling').waitFor();
    await follower.getByRole('button', { name: 'Planlæg ledelsesinterventionen' }).click();
    await follower.waitForURL(/\/indsatser\/[0-9a-f-]{36}$/);
    await follower
      .getByText(/Opfølgningsmålingen er planlagt til \d{1,2}\. [a-zæøå]+\.? \d{4}/)
      .waitFor();
    await follower
      .getByText(/Netværksmøde 1: Gensidigt kendskab/)
      .first()
      .waitFor();

    await follower
      .getByLabel('Aftale eller beslutning')
      .fill('Telefonliste med direkte numre er delt.');
    await follower
      .getByLabel('Hører til tjeklistepunkt')
      .selectOption({ label: 'Telefonnumre udvekslet' });
    await follower.getByRole('button', { name: 'Registrér' }).click();
    await follower.getByText('Telefonliste med direkte numre er delt.').waitFor();
    await expect.poll(() => follower.getByLabel('Telefonnumre udvekslet').isChecked()).toBe(true);
    await checkA11y(follower, 'the intervention page');

    // The analyst sees the scheduled follow-up as a draft next wave.
    await facilitator.goto(`${app.url}/maalinger`);
    await facilitator
      .getByText(/opfølgning/)
      .first()
      .waitFor();
    await nav(follower).getByRole('link', { name: 'Ledelsesinterventioner' }).click();
    await follower.getByRole('link', { name: 'Netværksmøder om dobbeltdiagnoser' }).waitFor();
    await checkA11y(follower, 'the intervention list');
  });
});
