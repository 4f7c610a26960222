/**
 * Development cooperation in a real browser, in Swedish and in English: a development officer registers a
 * partner-country project (the form first shows its field errors), builds the results framework — an objective,
 * an indicator, a target and an actual for a period (an actual without a period is refused in the dialog) —
 * a supervisor approves the start, and the officer downloads the IATI export — with an accessibility check.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;
const OFFICER = { username: 'utv.e2e', password: 'e2e password 2026', roles: ['development_officer'], unitCode: 'DEV' };
const SUPERVISOR = { username: 'utvchef.e2e', password: 'e2e password 2026', roles: ['development_officer', 'supervisor'], unitCode: 'DEV' };
before(async () => {
  server = await startServer({ DEMO: 'false' });
  await createAccount(server, OFFICER);
  await createAccount(server, SUPERVISOR);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  sv: { nav: 'Utvecklingssamarbete', title: 'Polisreform i Moldavien', dateError: 'Slutdatumet ligger före startdatumet.', periodError: /utfall behöver perioden/, active: 'Pågår', indicator: 'Antal utbildade instruktörer' },
  en: { nav: 'Development cooperation', title: 'Police reform in Moldova', dateError: 'The end date comes before the start date.', periodError: /actual value needs the period/, active: 'Under way', indicator: 'Number of trained instructors' },
} as const;

const year = new Date().getUTCFullYear();

async function newPage(locale: 'sv' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm', acceptDownloads: true });
  return { context, page: await context.newPage() };
}

/** Opens an action's dialog, fills it and submits; `stays` when the dialog is expected to show errors. */
async function act(page: Page, testId: string, fill: (page: Page) => Promise<void>, stays = false): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('dialog').waitFor();
  await fill(page);
  await page.getByTestId('action-submit').click();
  if (!stays) await page.locator('dialog').waitFor({ state: 'detached' });
}

for (const locale of ['sv', 'en'] as const) {
  describe(`Development cooperation in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('project → indicators → approval → IATI export', async () => {
      const T = TEXT[locale];
      const officer = await newPage(locale);
      const supervisor = await newPage(locale);
      try {
        const o = officer.page;
        await signIn(o, server.url, OFFICER.username, locale, OFFICER.password);
        await o.getByRole('link', { name: T.nav, exact: true }).click();
        await o.waitForURL(/\/development$/);
        await o.getByTestId('dev-new').waitFor();
        assert.deepEqual(await seriousViolations(o), [], 'project list');

        // An empty form names its fields; an end before the start is refused with a clear message.
        await o.getByTestId('dev-new').click();
        await o.waitForURL(/\/development\/new$/);
        await o.getByTestId('submit').click();
        await o.locator('#f-title[aria-invalid="true"]').waitFor();
        assert.ok(await o.locator('.error-summary').isVisible());
        await o.fill('#f-title', T.title);
        await o.fill('#f-description', 'Community policing and training of instructors (e2e).');
        await o.selectOption('#f-partnerCountry', 'MD');
        await o.fill('#f-partnerName', 'General Police Inspectorate');
        await o.selectOption('#f-sector', '15210');
        await o.selectOption('#f-genderMarker', '1');
        await o.selectOption('#f-humanRightsMarker', '2');
        await o.fill('#f-startDate', `${year - 1}-01-01`);
        await o.fill('#f-endDate', `${year - 2}-12-31`);
        await o.getByTestId('submit').click();
        // The end date was already marked (empty) after the first submit: wait for the new message, not the old mark.
        await o.locator('#f-endDate-err').filter({ hasText: T.dateError }).waitFor();
        assert.equal(await o.locator('#f-endDate').getAttribute('aria-invalid'), 'true');
        assert.equal((await o.locator('#f-endDate-err').innerText()).replace('⚠', '').trim().endsWith(T.dateError), true);
        assert.deepEqual(await seriousViolations(o), [], 'project form with errors');
        await o.fill('#f-endDate', `${year + 1}-12-31`);
        await o.getByTestId('submit').click();
        await o.waitForURL(/\/development\/[0-9a-f-]{36}$/);
        const projectUrl = o.url();

        // The results framework: an objective, an indicator, and its target and actual for last year.
        await act(o, 'dev-action-add_result', async (d) => {
          await d.selectOption('#f-type', 'output');
          await d.fill('#f-title', 'Instructors in community policing');
        });
        await act(o, 'dev-add-indicator-0', async (d) => {
          await d.fill('#f-title', T.indicator);
          await d.fill('#f-baselineYear', String(year - 2));
          await d.fill('#f-baselineValue', '0');
        });
        await o.getByTestId('dev-indicator').waitFor();
        await act(o, 'dev-record-0-0', async (d) => { await d.fill('#f-actual', '18'); }, true);
        await o.locator('dialog #f-periodStart[aria-invalid="true"]').waitFor();
        assert.match(await o.locator('dialog #f-periodStart-err').innerText(), T.periodError);
        assert.deepEqual(await seriousViolations(o), [], 'period dialog with errors');
        await o.fill('dialog #f-periodStart', `${year - 1}-01-01`);
        await o.fill('dialog #f-periodEnd', `${year - 1}-12-31`);
        await o.fill('dialog #f-target', '20');
        await o.getByTestId('action-submit').click();
        await o.locator('dialog').waitFor({ state: 'detached' });
        await o.getByTestId('dev-period').waitFor();
        assert.match(await o.getByTestId('dev-period').innerText(), /20.*18/);
        assert.deepEqual(await seriousViolations(o), [], 'project with its results framework');

        // A supervisor of the unit approves the start.
        const s = supervisor.page;
        await signIn(s, server.url, SUPERVISOR.username, locale, SUPERVISOR.password);
        await s.goto(projectUrl);
        await act(s, 'dev-action-approve_start', async (d) => { await d.fill('#f-decision', 'Agreement signed (e2e).'); });
        assert.equal(await s.getByTestId('dev-status').innerText(), T.active);

        // The officer downloads the IATI export of the project.
        await o.reload();
        assert.equal(await o.getByTestId('dev-status').innerText(), T.active);
        const [download] = await Promise.all([o.waitForEvent('download'), o.getByTestId('dev-iati').click()]);
        const xml = fs.readFileSync((await download.path())!, 'utf8');
        assert.match(xml, /<iati-activities version="2\.03"/);
        assert.match(xml, /<iati-identifier>SE-0-SE-6-2021000076-DEV-\d{5}<\/iati-identifier>/);
        assert.ok(xml.includes(T.indicator));
        assert.match(xml, /<target value="20"\/>\s*<actual value="18"\/>/);
        assert.match(xml, /<activity-status code="2"\/>/);
      } finally {
        await officer.context.close();
        await supervisor.context.close();
      }
    });
  });
}
