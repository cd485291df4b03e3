/**
 * The browser for the end-to-end tests: the system Chromium driven by playwright-core,
 * and an axe-core accessibility check. Without Chromium the browser tests are skipped
 * (with a message saying so), never failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);

/** Where Chromium is looked for: `CHROMIUM_PATH`, else `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** True when the browser tests can run; prints why not, once, when they cannot. */
export const haveChromium = existsSync(chromiumPath);
if (!haveChromium) {
  console.warn(
    `Browser tests SKIPPED: Chromium not found at ${chromiumPath}. Install it or set CHROMIUM_PATH.`,
  );
}

/** Launch headless Chromium with flags that keep it quiet and offline. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

declare global {
  interface Window {
    axe?: {
      run: (
        context: Document,
        options: { runOnly: { type: 'tag'; values: string[] } },
      ) => Promise<{ violations: AxeViolation[]; passes: unknown[] }>;
    };
  }
}

/** The WCAG 2.1 A and AA rules, and axe's best practices (landmarks, heading order). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The violations as a readable list, one paragraph per rule. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html}\n      ${n.failureSummary ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/**
 * Put axe-core into the page. `addScriptTag` injects an inline `<script>`, which the
 * app's Content-Security-Policy (`script-src 'self'`) rightly refuses; rather than
 * switch CSP off for the tests (and lose the check that the app runs under it), axe's
 * source is then evaluated through the DevTools protocol, which CSP does not govern.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => window.axe !== undefined)) return;
  try {
    await page.addScriptTag({ path: AXE_PATH });
  } catch {
    axeSource ??= readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
}

/** Run axe-core on the page (WCAG 2.1 A/AA and best practices); the violations, any impact. */
export async function axeViolations(page: Page, label = page.url()): Promise<AxeViolation[]> {
  await injectAxe(page);
  const { violations, passes } = await page.evaluate(async (tags) => {
    const axe = window.axe;
    if (!axe) throw new Error('axe-core did not load');
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { violations: result.violations, passes: result.passes.length };
  }, AXE_TAGS);
  expect(passes, `axe-core checked nothing on ${label}`).toBeGreaterThan(0);
  return violations;
}

/** Run axe-core on the page (WCAG 2.1 A/AA and best practices); fail listing every violation. */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  const violations = await axeViolations(page, label);
  expect(
    violations,
    `Accessibility violations on ${label}:\n${describeViolations(violations)}`,
  ).toEqual([]);
}

/**
 * Collect the page's console errors and uncaught exceptions from now on (Chromium also
 * logs every failed request as one); the returned list fills as they happen.
 */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      errors.push(`${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}
