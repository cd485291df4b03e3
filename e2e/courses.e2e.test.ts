/**
 * Én plan in a real browser: a caseworker creates a family course, adds the network and
 * a plan with two sub-plans (meeting a concurrent edit on the way), records consent that
 * covers one unit and one family member; a professional of that unit sees only the
 * covered parts, read-only; the consent is withdrawn and the professional at once sees
 * only that the course exists and who coordinates it; the history shows every step.
 * Every course page is checked with axe-core (WCAG 2.1 A/AA).
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type TestApp } from '../test/helpers/test-app.js';
import { DEMO_PASSWORD, login, skipAfterFailure, useBrowserApp } from './helpers/app.js';
import { checkA11y, haveChromium } from './helpers/browser.js';
import { signedIn } from '../test/helpers/demo-and-other.js';

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const CASEWORKER = 'sagsbehandler@demo.samspil.dk';
/** The demo's network professional, when the demo has one; else the test makes one. */
const DEMO_PROFESSIONAL = 'fagperson@demo.samspil.dk';
const CITIZEN = 'Mette Hansen';
const CHILD = 'Oliver Hansen';
const MOTHER_DREAMS = 'Jeg vil gerne have et arbejde, hvor jeg møder nogen hver dag.';
const CHILD_DREAMS = 'Jeg vil spille fodbold med mine venner efter skole.';
/** A field's label exactly, with or without the required marker (" *"). */
const exactly = (label: string) =>
  new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

const HTML_TASK = '<b>Samtale</b> hver uge <script>alert(1)</script>';

describe.skipIf(!haveChromium)('Én plan in the browser', () => {
  let app: TestApp;
  let page: Page;
  let proContext: BrowserContext;
  let pro: Page;
  let professional: { email: string; password: string; unitName: string; name: string };
  let courseUrl = '';

  useBrowserApp({}, async (started) => {
    app = started.app;
    page = await started.browser.newPage({ viewport: WIDE });
    professional = await findOrCreateProfessional();
    proContext = await started.browser.newContext({ viewport: PHONE });
    pro = await proContext.newPage();
  });

  // Each step builds on the one before: after a failure the rest would only time out.
  skipAfterFailure();

  /** The demo login of a network professional, or a user made now through the admin API. */
  async function findOrCreateProfessional() {
    const db = app.handle.db;
    const demo = await db
      .selectFrom('app_user')
      .innerJoin('person', 'person.id', 'app_user.person_id')
      .innerJoin('unit', 'unit.id', 'person.unit_id')
      .select(['app_user.email', 'app_user.name', 'unit.name as unitName'])
      .where('app_user.email', '=', DEMO_PROFESSIONAL)
      .executeTakeFirst();
    if (demo) return { ...demo, password: DEMO_PASSWORD };
    const person = await db
      .selectFrom('person')
      .innerJoin('unit', 'unit.id', 'person.unit_id')
      .select(['person.id', 'person.name', 'unit.name as unitName'])
      .where('unit.name', '=', 'Misbrugscenter')
      .where('person.role', '=', 'medarbejder')
      .orderBy('person.name')
      .executeTakeFirstOrThrow();
    const admin = await signedIn(app.app, 'admin@demo.samspil.dk');
    const password = 'lyse-stole-i-salen-2026';
    const email = 'fagperson.e2e@demo.samspil.dk';
    const created = await admin.post('/api/users', {
      name: person.name,
      email,
      role: 'sagsbehandler',
      password,
      personId: person.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    return { email, password, name: person.name, unitName: person.unitName };
  }

  const heading = (p: Page) => p.getByRole('heading', { level: 1 });
  const tab = (p: Page, name: string) =>
    p.getByRole('navigation', { name: 'Forløbets sider' }).getByRole('link', { name });

  async function openTab(p: Page, name: string): Promise<void> {
    await tab(p, name).click();
    await expect.poll(() => tab(p, name).getAttribute('aria-current')).toBe('page');
  }

  /** Add one party to the network through the dialog. */
  async function addParty(party: {
    kind: 'unit' | 'external';
    unit?: string;
    externalType?: string;
    name?: string;
    phone?: string;
    email?: string;
    task: string;
    responseTime: string;
  }): Promise<void> {
    await page.getByRole('button', { name: 'Tilføj til netværket' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(exactly('Type')).selectOption(party.kind);
    if (party.unit) await dialog.getByLabel('Enhed').selectOption({ label: party.unit });
    if (party.externalType)
      await dialog.getByLabel('Type af ekstern aktør').selectOption(party.externalType);
    if (party.name) await dialog.getByLabel(exactly('Navn')).fill(party.name);
    if (party.phone) await dialog.getByLabel('Telefon').fill(party.phone);
    if (party.email) await dialog.getByLabel('E-mail').fill(party.email);
    await dialog.getByLabel('Opgave i forløbet').fill(party.task);
    await dialog.getByLabel('Aftalt svartid').fill(party.responseTime);
    await dialog.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const added = party.unit ?? party.name ?? '';
    await page.getByText(`${added} er tilføjet netværket.`).waitFor();
  }

  /** Fill one sub-plan: dreams, goal, one sub-goal with one action. */
  async function fillPart(
    part: Locator,
    texts: { dreams: string; goal: string; subGoal: string; action: string },
    action: { responsible?: string; law: string; paragraph: string },
  ): Promise<void> {
    await part.getByLabel('Drømme og ønsker').fill(texts.dreams);
    await part.getByLabel('Overordnet mål').fill(texts.goal);
    await part.getByRole('button', { name: 'Tilføj delmål' }).click();
    await part.getByLabel('Delmålet').fill(texts.subGoal);
    await part.getByRole('button', { name: 'Tilføj indsats til delmål 1' }).click();
    await part.getByLabel('Indsatsen').fill(texts.action);
    if (action.responsible)
      await part.getByLabel('Ansvarlig').selectOption({ label: action.responsible });
    await part.getByLabel('Lovgrundlag').selectOption(action.law);
    await part.getByLabel('Paragraf').fill(action.paragraph);
    await part.getByLabel(exactly('Start')).fill('2026-03-01');
    await part.getByLabel(exactly('Slut')).fill('2026-09-01');
  }

  test('the caseworker creates a family course', async () => {
    await login(page, app, CASEWORKER);
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Borgerforløb' })
      .click();
    await expect.poll(() => heading(page).textContent()).toBe('Borgerforløb');
    await page.getByText('Du har ingen åbne forløb').waitFor();
    await checkA11y(page, 'the course list (empty)');

    await page.getByRole('link', { name: 'Nyt forløb' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Nyt forløb');
    await page.getByLabel('Familieforløb').check();
    await page.getByLabel(exactly('Navn')).fill(CITIZEN);
    // A CPR number with an impossible date is caught before anything is sent.
    await page.getByLabel(exactly('CPR-nummer')).fill('320190-1234');
    await page.getByLabel('Telefon').fill('20 30 40 50');
    await page
      .getByText('CPR-nummerets første seks cifre er ikke en gyldig fødselsdato.')
      .waitFor();
    await page.getByLabel(exactly('CPR-nummer')).fill('010190-1234');
    await page.getByLabel('Navn på familiemedlem 1').fill(CHILD);
    await page.getByLabel('CPR-nummer på familiemedlem 1').fill('010115-4321');
    await page.getByLabel('Relation for familiemedlem 1').selectOption('barn');
    await page.getByLabel('Målgruppe').selectOption('familier');
    await page.getByLabel('Startdato').fill('2026-03-01');
    const coordinator = await app.handle.db
      .selectFrom('person')
      .innerJoin('unit', 'unit.id', 'person.unit_id')
      .select('person.name')
      .where('unit.name', '=', 'Familieafdelingen')
      .orderBy('person.name')
      .executeTakeFirstOrThrow();
    await page
      .getByLabel(exactly('Koordinerende sagsbehandler'))
      .selectOption({ label: coordinator.name });
    await page.getByLabel('Koordinatorens rolle').selectOption('plankoordinator');
    await checkA11y(page, 'the new course form');
    await page.getByRole('button', { name: 'Opret forløb' }).click();

    await expect.poll(() => heading(page).textContent()).toBe(CITIZEN);
    courseUrl = page.url().replace(app.url, '');
    expect(courseUrl).toMatch(/^\/forloeb\/[0-9a-f-]{36}$/);
    const card = page.locator('.coordinator-card');
    await card.getByText(coordinator.name).waitFor();
    await card.getByText('Plankoordinator').waitFor();
    await page.getByText('010190-xxxx').first().waitFor();
    expect(await page.getByText('010190-1234').count()).toBe(0);
    await page.getByRole('rowheader', { name: CHILD }).waitFor();
    await checkA11y(page, 'the course overview (new)');
  });

  test('the caseworker adds the network; the course becomes complex', async () => {
    await openTab(page, 'Netværk');
    await page.getByText('Der er ingen i netværket endnu').waitFor();
    await checkA11y(page, 'the network tab (empty)');
    const units = ['Jobcenter', 'Familieafdelingen', 'Skole', professional.unitName];
    for (const unit of [...new Set(units)]) {
      await addParty({
        kind: 'unit',
        unit,
        phone: '70 10 20 30',
        task: unit === 'Jobcenter' ? HTML_TASK : `Støtte fra ${unit}`,
        responseTime: '2 hverdage',
      });
    }
    await addParty({
      kind: 'external',
      externalType: 'egen-laege',
      name: 'Lægehuset Torvet',
      phone: '86 12 34 56',
      email: 'torvet@laege.dk',
      task: 'Medicin og helbred',
      responseTime: '1 uge',
    });
    // Free text is shown as text: the markup appears literally and makes no elements.
    await page.getByText(HTML_TASK).waitFor();
    expect(await page.locator('main b, main script').count()).toBe(0);
    await checkA11y(page, 'the network tab');

    await openTab(page, 'Overblik');
    await page.getByText(/\d+ enheder, \d+ myndighedsfunktioner/).waitFor();
    await page.locator('.course-header').getByText('Komplekst forløb').waitFor();
    await page.getByRole('figure', { name: /Borgeren i midten/ }).waitFor();
    await checkA11y(page, 'the course overview with the network picture');
  });

  test('the caseworker writes a plan with two sub-plans, and meets a concurrent edit', async () => {
    await openTab(page, 'Plan');
    const mother = page.getByRole('region', { name: `Delplan: ${CITIZEN} (Borger)` });
    const child = page.getByRole('region', { name: `Delplan: ${CHILD} (Barn)` });
    await mother.waitFor();
    await child.waitFor();
    await fillPart(
      mother,
      {
        dreams: MOTHER_DREAMS,
        goal: 'Mette er i job eller uddannelse.',
        subGoal: 'Afklaring af arbejdsevne',
        action: 'Virksomhedspraktik',
      },
      { law: 'LAB', paragraph: '§ 42' },
    );
    await fillPart(
      child,
      {
        dreams: CHILD_DREAMS,
        goal: 'Oliver trives i skolen.',
        subGoal: 'Fast fritidsaktivitet',
        action: 'Kontaktperson',
      },
      { responsible: 'Skole', law: 'serviceloven', paragraph: '§ 52' },
    );
    // An action without a responsible party is refused at the field; nothing is sent.
    await page.getByRole('button', { name: 'Gem plan' }).click();
    await mother.getByText('Vælg, hvem der er ansvarlig for indsatsen.').waitFor();
    await checkA11y(page, 'the plan editor with an error');
    await mother.getByLabel('Ansvarlig').selectOption({ label: 'Jobcenter' });
    const save = page.getByRole('region', { name: 'Gem planen som ny version' });
    await save.getByLabel(CITIZEN).check();
    await save.getByLabel('Jobcenter').check();
    await save.getByLabel('Note til versionen').fill('Opstartsmøde');
    await save.getByRole('button', { name: 'Gem plan' }).click();
    await page.getByText(/Planen er gemt som version 2\./).waitFor();
    await checkA11y(page, 'the plan editor (saved)');

    // Someone else saves version 3 meanwhile (the same caseworker in another tab).
    const other = await signedIn(app.app, CASEWORKER);
    const id = courseUrl.split('/').pop() ?? '';
    const latest = (await other.get(`/api/courses/${id}/plan`)).json<{
      version: number;
      plan: { parts: { dreams: string }[] };
    }>();
    expect(latest.version).toBe(2);
    const theirs = {
      parts: latest.plan.parts.map((p, i) => (i === 1 ? { ...p, goal: 'Oliver trives.' } : p)),
    };
    const put = await other.request('PUT', `/api/courses/${id}/plan`, {
      baseVersion: 2,
      plan: theirs,
      participants: ['Anden sagsbehandler'],
    });
    expect(put.statusCode, put.body).toBe(200);

    // My next save is refused, my text stays, and I choose to save on top of version 3.
    const myGoal = 'Mette er i ordinært job inden for et år.';
    await mother.getByLabel('Overordnet mål').fill(myGoal);
    await save.getByRole('button', { name: 'Gem plan' }).click();
    await page.getByText('Planen er ændret af en anden, mens du arbejdede.').waitFor();
    expect(await mother.getByLabel('Overordnet mål').inputValue()).toBe(myGoal);
    await checkA11y(page, 'the plan conflict message');
    await page
      .getByRole('button', { name: 'Behold mine ændringer oven på den nye version' })
      .click();
    // Their change to the child's goal is merged in; my change to the mother's goal is kept.
    await page.getByText(/Dine ændringer er lagt oven på version 3/).waitFor();
    expect(await child.getByLabel('Overordnet mål').inputValue()).toBe('Oliver trives.');
    await save.getByRole('button', { name: 'Gem plan' }).click();
    await page.getByText(/Planen er gemt som version 4\./).waitFor();
    expect(await mother.getByLabel('Overordnet mål').inputValue()).toBe(myGoal);
  });

  test('the caseworker compares two versions', async () => {
    await openTab(page, 'Versioner');
    await page.getByRole('rowheader', { name: '4', exact: true }).waitFor();
    await page.getByLabel('Fra').selectOption('1');
    await page.getByLabel('Til').selectOption('2');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    const changes = page.getByRole('region', { name: 'Ændringer fra version 1 til 2' });
    await changes.getByText(MOTHER_DREAMS).first().waitFor();
    await checkA11y(page, 'the versions tab with a comparison');
  });

  test('the caseworker records consent covering one unit and the child', async () => {
    await openTab(page, 'Samtykke');
    await page.getByText('Der er ikke givet samtykke').waitFor();
    await checkA11y(page, 'the consent tab (empty)');
    await page.getByRole('button', { name: 'Registrér samtykke' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Formål').fill('Koordinering af Olivers fritid');
    await dialog.getByLabel(professional.unitName, { exact: true }).check();
    await dialog.getByLabel(CHILD, { exact: true }).check();
    await dialog.getByLabel('Hvordan er det givet?').selectOption('mundtlig-med-vidne');
    // Oral consent needs a witness.
    await dialog.getByRole('button', { name: 'Registrér', exact: true }).click();
    await dialog.getByText('Skriv vidnets navn.').waitFor();
    await dialog.getByLabel('Vidne').fill('Hanne Holm');
    await checkA11y(page, 'the consent dialog');
    await dialog.getByRole('button', { name: 'Registrér', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Samtykket er registreret.').waitFor();
    await page.getByText('Gyldigt', { exact: true }).waitFor();
    await checkA11y(page, 'the consent tab');
  });

  test('the professional of that unit sees only the covered parts, read-only', async () => {
    await login(pro, app, professional.email, professional.password);
    await pro.goto(`${app.url}/forloeb`);
    await pro.getByRole('link', { name: CITIZEN }).click();
    await expect.poll(() => heading(pro).textContent()).toBe(CITIZEN);
    await pro.getByText('Du ser de dele af forløbet, som borgerens samtykke dækker.').waitFor();
    await pro.locator('.coordinator-card').getByText('Plankoordinator').waitFor();
    expect(await pro.getByText('010190-xxxx').count()).toBe(0);
    expect(await tab(pro, 'Samtykke').count()).toBe(0);
    expect(await tab(pro, 'Historik').count()).toBe(0);
    await checkA11y(pro, 'the course overview at consent access (phone)');

    await openTab(pro, 'Plan');
    await pro.getByText(CHILD_DREAMS).waitFor();
    expect(await pro.getByText(MOTHER_DREAMS).count()).toBe(0);
    expect(await pro.getByRole('textbox').count()).toBe(0);
    expect(await pro.getByRole('button', { name: 'Gem plan' }).count()).toBe(0);
    await checkA11y(pro, 'the plan at consent access (phone)');

    await openTab(pro, 'Netværk');
    await pro.getByRole('rowheader', { name: 'Lægehuset Torvet' }).waitFor();
    expect(await pro.getByRole('button', { name: 'Tilføj til netværket' }).count()).toBe(0);
    await checkA11y(pro, 'the network at consent access (phone)');
  });

  test('consent is withdrawn and the professional at once sees only the minimum', async () => {
    await page.getByRole('button', { name: /^Tilbagekald/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Begrundelse (valgfri)').fill('Borgeren ønsker det ikke længere');
    await checkA11y(page, 'the withdraw dialog');
    await dialog.getByRole('button', { name: 'Tilbagekald', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Samtykket er tilbagekaldt.').waitFor();
    await page.getByText('Tilbagekaldt', { exact: true }).waitFor();

    await pro.reload();
    await pro
      .getByText('Du kan kun se, at forløbet findes, og hvem der koordinerer det.')
      .waitFor();
    await pro.locator('.coordinator-card').getByText('Plankoordinator').waitFor();
    expect(await pro.getByText(CHILD_DREAMS).count()).toBe(0);
    expect(await pro.getByText(CITIZEN).count()).toBe(0);
    expect(await pro.getByRole('navigation', { name: 'Forløbets sider' }).count()).toBe(0);
    await checkA11y(pro, 'the course at minimal access (phone)');
    // The list shows the course without the citizen's name.
    await pro.goto(`${app.url}/forloeb`);
    await pro.getByRole('link', { name: 'Borgerforløb (navn skjult)' }).waitFor();
    await checkA11y(pro, 'the course list at minimal access (phone)');
  });

  test('the history shows each step', async () => {
    await openTab(page, 'Historik');
    const history = page.getByRole('region', { name: 'Historik' });
    for (const step of [
      'Forløb oprettet',
      'Part tilføjet netværket',
      'Plan ændret',
      'Samtykke registreret',
      'Samtykke tilbagekaldt',
    ]) {
      await history.getByRole('cell', { name: step, exact: true }).first().waitFor();
    }
    // The professional's reads are in the history too.
    await history
      .getByRole('row')
      .filter({ hasText: professional.name })
      .filter({ hasText: 'Plan læst' })
      .first()
      .waitFor();
    await checkA11y(page, 'the history tab');
  });

  test("the exports give the plan, one law area, and one member's access request", async () => {
    await openTab(page, 'Eksport');
    await checkA11y(page, 'the export tab');
    /** Fetch what a download link points at, with the browser's session. */
    const fetchLink = async (scope: Page | Locator, name: string) => {
      const href = await scope.getByRole('link', { name, exact: true }).getAttribute('href');
      const response = await page.request.get(`${app.url}${href ?? ''}`);
      expect(response.status(), await response.text()).toBe(200);
      return response;
    };
    const pdf = await fetchLink(page, 'Hent plan (PDF)');
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const lawArea = page.getByRole('region', { name: 'Uddrag pr. lovområde' });
    await lawArea.getByLabel('Lovgrundlag').selectOption('LAB');
    const lab = await (await fetchLink(lawArea, 'Hent LAB (beskæftigelsesindsats) (tekst)')).text();
    expect(lab).toContain('Virksomhedspraktik');
    expect(lab).not.toContain('Kontaktperson');

    const access = page.getByRole('region', { name: 'Indsigt' });
    await access.getByLabel('Familiemedlem').selectOption({ label: CHILD });
    await access.getByLabel('Skjul medarbejdernavne').check();
    const json = (await (await fetchLink(access, 'Hent indsigt (JSON)')).json()) as {
      member: { name: string };
      plan: { changedBy: string | null; part: unknown }[];
    };
    expect(json.member.name).toBe(CHILD);
    expect(JSON.stringify(json)).toContain(CHILD_DREAMS);
    expect(JSON.stringify(json)).not.toContain(MOTHER_DREAMS);
    expect(json.plan.every((v) => v.changedBy === null)).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('navigation', { name: 'Pages of the course' })
      .getByRole('link', { name: 'History' })
      .waitFor();
    await page.getByRole('button', { name: 'Dansk' }).click();
  });
});
