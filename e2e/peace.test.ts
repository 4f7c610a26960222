/**
 * Peace operations in a real browser, in Swedish and in English: a peace supervisor puts an officer on the roster,
 * registers a mission (a date error first), publishes a call, proposes and nominates the officer, records the
 * selection, deploys, extends and ends the tour, and records next of kin — with an accessibility check throughout.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;
// The demo's peace supervisor (peace_ops_officer + supervisor, unit PEACE); the demo's own missions stay untouched.
const CHIEF = 'insatschef';
before(async () => {
  server = await startServer({ DEMO: 'true' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  sv: {
    nav: 'Utlandsstyrkan', orderError: 'Slutdatumet ligger före startdatumet.', nominated: 'Nominerad', selected: 'Antagen', ended: 'Avslutad', fit: 'Lämplig',
    english: 'Engelska', englishTest: 'Engelskaprov', passed: 'Godkänd', esdc: 'ESDC:s förberedande utbildning',
  },
  en: {
    nav: 'Peace operations', orderError: 'The end date comes before the start date.', nominated: 'Nominated', selected: 'Selected', ended: 'Ended', fit: 'Fit',
    english: 'English', englishTest: 'English test', passed: 'Passed', esdc: 'ESDC pre-deployment training',
  },
} as const;

/** A Stockholm calendar date some days from today, as an <input type="date"> takes it. */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

async function axe(page: Page, what: string) {
  assert.deepEqual(await seriousViolations(page), [], what);
}

async function act(page: Page, testId: string, fill: () => Promise<void>) {
  await page.getByTestId(testId).click();
  await page.locator('dialog').waitFor();
  await fill();
  await page.getByTestId('action-submit').click();
  await page.locator('dialog').waitFor({ state: 'detached' });
}

for (const locale of ['sv', 'en'] as const) {
  describe(`peace operations in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('create mission → call → nominate → deploy → extend → end', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const p = await context.newPage();
      const name = locale === 'sv' ? 'Karin Provpolis' : 'Kim Testofficer';
      try {
        await signIn(p, server.url, CHIEF, locale);
        await p.getByRole('link', { name: TEXT[locale].nav, exact: true }).click();
        await p.waitForURL(/\/peace$/);
        await p.fill('#f-peace-justification', 'Planering av rotation 2027, dnr A-1');
        await axe(p, 'peace home');

        // The roster: one officer with English at C1, a passed English test and the ESDC pre-deployment training —
        // whose expiry, typed before its issue date at first, gets the field error on the ESDC row itself.
        await p.goto(`${server.url}/peace/roster/new`);
        await p.fill('#f-employeeNumber', `E2E-${locale}`);
        await p.fill('#f-fullName', name);
        await p.selectOption('#f-gender', 'female');
        await p.fill('#f-homeUnit', 'Polisregion Mitt');
        await p.selectOption('#f-level0', 'C1');
        await p.selectOption('#f-assessments-0-passed', 'true');
        await p.fill('#f-assessments-0-date', day(-20));
        await p.fill('#f-certificates-1-issuedOn', day(-30));
        await p.fill('#f-certificates-1-expiresOn', day(-40));
        await axe(p, 'candidate form');
        await p.getByTestId('submit').click();
        await p.locator('#f-certificates-1-expiresOn[aria-invalid="true"]').waitFor();
        assert.equal(await p.locator('#f-certificates-0-expiresOn').getAttribute('aria-invalid'), null);
        assert.match(await p.locator('.error-summary').innerText(), new RegExp(TEXT[locale].orderError));
        await p.fill('#f-certificates-1-expiresOn', day(700));
        await p.getByTestId('submit').click();
        await p.waitForURL(/\/peace\/roster\/[0-9a-f-]{36}$/);
        // The entry shows what was just entered; parts left empty say so.
        assert.match(await p.getByTestId('candidate-facts').innerText(), new RegExp(`${TEXT[locale].english} C1`));
        assert.equal(await p.getByTestId('assessments').innerText(), `${TEXT[locale].englishTest} ${day(-20)}: ${TEXT[locale].passed}`);
        assert.equal(await p.getByTestId('certificates').innerText(), `${TEXT[locale].esdc} ${day(-30)} – ${day(700)}`);
        assert.equal(await p.getByTestId('earlier-missions').innerText(), locale === 'sv' ? 'Inga' : 'None');
        // A renewed eHEST added on the entry appears in the list.
        await p.selectOption('#f-kind', 'ehest');
        await p.fill('#f-issuedOn', day(-5));
        await p.fill('#f-expiresOn', day(360));
        await p.getByTestId('certificate-submit').click();
        await p.getByTestId('certificates').getByText(`eHEST ${day(-5)} – ${day(360)}`).waitFor();
        await axe(p, 'candidate');

        // A mission whose end comes before its start gets a field error in the page's language; then it is saved.
        await p.goto(`${server.url}/peace/missions/new`);
        await p.fill('#f-code', `UNE2E-${locale}`);
        await p.fill('#f-name', 'United Nations Test Mission');
        await p.selectOption('#f-countryCode', 'SS');
        await p.fill('#f-mandate', 'Advising the host-state police (test).');
        await p.fill('#f-startDate', '2020-01-01');
        await p.fill('#f-endDate', '2019-12-31');
        await p.getByTestId('submit').click();
        await p.locator('#f-endDate[aria-invalid="true"]').waitFor();
        assert.match(await p.locator('.error-summary').innerText(), new RegExp(TEXT[locale].orderError));
        await axe(p, 'mission form with errors');
        await p.fill('#f-endDate', '');
        await p.getByTestId('submit').click();
        await p.waitForURL(/\/peace\/missions\/[0-9a-f-]{36}$/);

        // A call with one post.
        await p.fill('#f-reference', `CfC-${locale}`);
        await p.fill('#f-title', 'Police advisers');
        await p.fill('#f-deadline', day(10));
        await p.fill('#f-post-title', 'Police Adviser');
        await axe(p, 'mission');
        await p.getByTestId('call-submit').click();
        await p.waitForURL(/\/peace\/calls\/[0-9a-f-]{36}$/);
        await p.getByTestId('call-status').waitFor();

        // Propose, nominate (a supervisor's decision), record the selection, deploy.
        await p.locator('#f-nominations-candidateId option', { hasText: name }).waitFor({ state: 'attached' });
        await p.selectOption('#f-nominations-candidateId', { label: `${name} (E2E-${locale.toUpperCase()})` });
        await p.getByTestId('nominations-submit').click();
        await p.getByTestId('nomination-row').filter({ hasText: name }).waitFor();
        await axe(p, 'call with a proposal');
        await act(p, 'nomination-nominate', async () => {});
        await p.getByTestId('nomination-row').getByText(TEXT[locale].nominated, { exact: true }).waitFor();
        await act(p, 'nomination-record_outcome', () => p.fill('#f-outcomeOn', day(0)));
        await p.getByTestId('nomination-row').getByText(new RegExp(`^${TEXT[locale].selected}`)).waitFor();
        await p.getByTestId('nomination-deploy').click();
        await p.locator('dialog').waitFor();
        await p.fill('#f-startDate', day(-10));
        await p.fill('#f-endDate', day(170));
        await axe(p, 'deploy dialog');
        await p.getByTestId('action-submit').click();
        await p.waitForURL(/\/peace\/deployments\/[0-9a-f-]{36}$/);
        await p.getByTestId('deployment-facts').waitFor();
        await axe(p, 'tour');

        // Extend, then end the tour today.
        await act(p, 'deployment-extend', async () => {
          await p.fill('#f-endDate', day(350));
          await p.fill('#f-reason', 'The mission asked for six more months');
        });
        await p.getByTestId('deployment-end-date').getByText(day(350)).waitFor();
        assert.match(await p.getByTestId('extensions').innerText(), new RegExp(`${day(170)} → ${day(350)}`));
        await act(p, 'deployment-end', () => p.fill('#f-endedOn', day(0)));
        await p.getByTestId('deployment-status').getByText(TEXT[locale].ended).waitFor();
        assert.equal(await p.getByTestId('deployment-end-date').innerText(), day(0));

        // Next of kin and medical readiness: fetched only on request, with the justification.
        await p.getByTestId('show-welfare').click();
        await p.selectOption('#f-medicalStatus', 'fit');
        await p.fill('#f-nextOfKinName', 'Test Anhörig');
        await p.getByTestId('welfare-submit').click();
        await p.getByTestId('welfare').getByText(TEXT[locale].fit, { exact: true }).waitFor();
        await axe(p, 'tour with welfare data');

        // The statistics page (charts load on demand) counts the tour.
        await p.goto(`${server.url}/peace/statistics`);
        await p.getByTestId('peace-stat-org').waitFor();
        await axe(p, 'statistics');
      } finally {
        await context.close();
      }
    });
  });
}
