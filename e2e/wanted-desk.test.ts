/**
 * The FAST record's own work in a real browser, in Swedish and in English: a person registered without an offence
 * summary cannot be published and the supervisor is told why; the record is corrected in the UI and then published;
 * a warrant is added (with field errors first); the timeline words countries and facts in the UI language — with
 * an accessibility check on each new view.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createAccount, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;
const CHIEF = { username: 'fastdesk.e2e', password: 'e2e password 2026', roles: ['fast_officer', 'supervisor'], unitCode: 'FAST' };
before(async () => {
  server = await startServer({ DEMO: 'false' });
  await createAccount(server, CHIEF);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  sv: { missing: /brottsbeskrivning/, published: 'Publicerad', spain: 'Spanien', naw: 'Nordisk arresteringsorder', imported: /Läste 2 notiser: 1 importerade, 0 fanns redan/, notJson: /inte giltig JSON/, overrun: /särskilda skäl/, basis: /^Lag \(2011:1165\) om nordisk arresteringsorder: beslut inom 14 dagar efter gripandet$/ },
  en: { missing: /offence summary/, published: 'Published', spain: 'Spain', naw: 'Nordic arrest warrant', imported: /Read 2 notices: 1 imported, 0 already/, notJson: /not valid JSON/, overrun: /special reasons/, basis: /^Nordic Arrest Warrant Act \(2011:1165\): decision within 14 days of the arrest$/ },
} as const;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

for (const locale of ['sv', 'en'] as const) {
  describe(`FAST record in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('publication refused without a summary, corrected in the UI and published; a warrant added; a readable timeline', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, CHIEF.username, locale, CHIEF.password);
        await page.goto(`${server.url}/desk/wanted/new`);
        await page.fill('#f-fullName', `Utan Sammanfattning ${locale}`);
        await page.fill('#f-authorityReference', `AM-DESK-${locale}`);
        await page.fill('#f-offence', 'Grov misshandel, Uppsala tingsrätt B 77-26');
        await page.fill('#f-warrants-0-issuingAuthority', 'Åklagarmyndigheten');
        await page.fill('#f-warrants-0-issuedAt', daysAgo(10));
        await page.fill('#f-warrants-0-eaw-c_judgment', 'Uppsala tingsrätt, häktning i sin frånvaro');
        await page.fill('#f-warrants-0-eaw-d_offence', 'Grov misshandel (BrB 3:6)');
        await page.getByTestId('submit').click();
        await page.waitForURL(/\/desk\/wanted\/[0-9a-f-]{36}$/);

        // Publishing is refused, and the dialog says what is missing before and after the attempt.
        await page.getByTestId('wanted-action-publish').click();
        await page.locator('dialog').waitFor();
        assert.match(await page.getByTestId('publish-missing-summary').innerText(), TEXT[locale].missing);
        await page.fill('#f-decision', 'Nödvändigt: personen har inte kunnat lokaliseras på annat sätt.');
        await page.getByTestId('action-submit').click();
        await page.locator('dialog .error-summary').waitFor();
        assert.match(await page.locator('dialog .error-summary').innerText(), TEXT[locale].missing);
        assert.deepEqual(await seriousViolations(page), [], 'publish refused');
        await page.locator('dialog').getByRole('button', { name: locale === 'sv' ? 'Avbryt' : 'Cancel' }).click();

        // The record is corrected in the UI: an emptied name is a field error, then the summary is added.
        await page.getByTestId('wanted-edit').click();
        await page.getByTestId('wanted-edit-form').waitFor();
        await page.fill('#f-fullName', '');
        await page.getByTestId('edit-submit').click();
        await page.locator('dialog #f-fullName[aria-invalid="true"]').waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'edit dialog with an error');
        await page.fill('#f-fullName', `Med Sammanfattning ${locale}`);
        await page.fill('#f-offenceSummary', locale === 'sv' ? 'Grov misshandel' : 'Aggravated assault');
        await page.getByTestId('edit-submit').click();
        await page.locator('dialog').waitFor({ state: 'detached' });
        await page.getByRole('heading', { name: new RegExp(`Med Sammanfattning ${locale}`) }).waitFor();

        await page.getByTestId('wanted-action-publish').click();
        await page.locator('dialog').waitFor();
        assert.equal(await page.getByTestId('publish-missing-summary').count(), 0);
        await page.fill('#f-decision', 'Nödvändigt: personen har inte kunnat lokaliseras på annat sätt.');
        await page.getByTestId('action-submit').click();
        await page.locator('dialog').waitFor({ state: 'detached' });
        await page.getByTestId('publication-state').getByText(TEXT[locale].published, { exact: true }).waitFor();

        // A warrant is added: without a type first (a field error in place), then a Nordic arrest warrant.
        const form = page.getByTestId('add-warrant');
        await page.fill('#f-add-warrant-issuingAuthority', 'Åklagarmyndigheten');
        await page.fill('#f-add-warrant-issuedAt', daysAgo(5));
        await form.locator('button[type="submit"]').click();
        await page.locator('#f-add-warrant-kind[aria-invalid="true"]').waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'add warrant with an error');
        await page.selectOption('#f-add-warrant-kind', 'naw');
        await form.locator('button[type="submit"]').click();
        await page.getByTestId('wanted-warrants').getByRole('heading', { name: new RegExp(TEXT[locale].naw) }).waitFor();

        // The timeline words the facts: a country by its name in the UI language, no codes or JSON.
        await page.getByTestId('wanted-action-locate').click();
        await page.locator('dialog').waitFor();
        await page.selectOption('#f-countryCode', 'ES');
        await page.fill('#f-place', 'Málaga');
        await page.getByTestId('action-submit').click();
        await page.locator('dialog').waitFor({ state: 'detached' });
        const located = page.getByTestId('timeline-event').and(page.locator('[data-kind="located"]'));
        await located.waitFor();
        assert.match(await located.innerText(), new RegExp(`${TEXT[locale].spain}.*Málaga`));
        const timeline = await page.getByTestId('wanted-timeline').innerText();
        assert.doesNotMatch(timeline, /[{}"]|\bES\b|\bnaw\b|offenceSummary/, timeline);
        assert.match(timeline, new RegExp(TEXT[locale].naw));
        assert.deepEqual(await seriousViolations(page), [], 'record with its timeline');
      } finally {
        await context.close();
      }
    });

    test('a Nordic warrant time limit exceeded for special reasons is recorded with its reason and flagged on the clock', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, CHIEF.username, locale, CHIEF.password);
        await page.goto(`${server.url}/desk/wanted/new`);
        await page.fill('#f-fullName', `Nordisk Frist ${locale}`);
        await page.fill('#f-authorityReference', `AM-NAW-${locale}`);
        await page.selectOption('#f-legalBasis', 'arrest_in_absentia');
        await page.fill('#f-offence', 'Grov stöld, Umeå tingsrätt B 12-26');
        await page.selectOption('#f-warrants-0-kind', 'naw');
        await page.fill('#f-warrants-0-issuingAuthority', 'Åklagarmyndigheten');
        await page.fill('#f-warrants-0-issuedAt', daysAgo(40));
        await page.getByTestId('submit').click();
        await page.waitForURL(/\/desk\/wanted\/[0-9a-f-]{36}$/);
        // Arrested in Norway 20 days ago: the court's 14 days have run out.
        await page.getByTestId('wanted-action-arrest').click();
        await page.locator('dialog').waitFor();
        await page.selectOption('#f-countryCode', 'NO');
        await page.fill('#f-at', `${daysAgo(20)}T10:00`);
        await page.getByTestId('action-submit').click();
        await page.locator('dialog').waitFor({ state: 'detached' });
        assert.equal(await page.getByTestId('wanted-action-extend_exceptional').count(), 0, 'a Nordic warrant has no exceptional extension');
        // The clock's legal basis in the reader's language, not the engine's English citation.
        assert.match((await page.getByTestId('clock-basis-decision').innerText()).trim(), TEXT[locale].basis);
        await page.getByTestId('wanted-action-record_overrun').click();
        await page.locator('dialog').waitFor();
        await page.getByTestId('action-submit').click();
        await page.locator('dialog #f-reason[aria-invalid="true"]').waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'overrun dialog with an error');
        await page.fill('#f-reason', 'Tolk saknades vid förhandlingen; Norge underrättat.');
        await page.getByTestId('action-submit').click();
        await page.locator('dialog').waitFor({ state: 'detached' });
        assert.match(await page.getByTestId('clock-flag-overrun_special_reasons').innerText(), TEXT[locale].overrun);
        const overrun = page.getByTestId('timeline-event').and(page.locator('[data-kind="naw_overrun"]'));
        assert.match(await overrun.innerText(), /Tolk saknades vid förhandlingen/);
        assert.match(await overrun.innerText(), TEXT[locale].overrun);
        assert.deepEqual(await seriousViolations(page), [], 'record with the overrun');
      } finally {
        await context.close();
      }
    });

    test('Interpol Red Notices are imported from a file on the register page; a file that is not JSON is a field error', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, CHIEF.username, locale, CHIEF.password);
        await page.goto(`${server.url}/desk/wanted`);
        const panel = page.getByTestId('wanted-import');
        await page.setInputFiles('#f-import-file', { name: 'notices.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
        await panel.locator('button[type="submit"]').click();
        await page.locator('#f-import-file[aria-invalid="true"]').waitFor();
        assert.match(await panel.innerText(), TEXT[locale].notJson);
        assert.deepEqual(await seriousViolations(page), [], 'import with an error');
        const notice = { entity_id: `2026/9${locale === 'sv' ? 1 : 2}001`, forename: 'JANE', name: `ROE ${locale.toUpperCase()}`, date_of_birth: '1979/05/06', nationalities: ['GB'], sex_id: 'F', arrest_warrants: [{ issuing_country_id: 'GB', charge: 'Fraud' }] };
        const doc = { total: 2, _embedded: { notices: [notice, { entity_id: 'broken' }] } };
        await page.setInputFiles('#f-import-file', { name: 'notices.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
        await panel.locator('button[type="submit"]').click();
        assert.match(await page.getByTestId('import-result').innerText(), TEXT[locale].imported);
        assert.deepEqual(await seriousViolations(page), [], 'import done');
      } finally {
        await context.close();
      }
    });
  });
}
