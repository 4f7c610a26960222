/**
 * Accountability in a real browser, in Swedish and in English: an auditor verifies the audit log and searches it;
 * a supervisor views the year's statistics with their charts — with an accessibility check on every page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createAccount, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

// The demo data gives the log and the statistics something to show.
let server: Server;
let browser: Browser;
const AUDITOR = { username: 'auditor.e2e', password: 'e2e password 2026', roles: ['auditor'] };
const SUPERVISOR = { username: 'chief.e2e', password: 'e2e password 2026', roles: ['supervisor'] };
const ADMIN = { username: 'admin.e2e', password: 'e2e password 2026', roles: ['administrator'] };
before(async () => {
  server = await startServer();
  await createAccount(server, AUDITOR);
  await createAccount(server, SUPERVISOR);
  await createAccount(server, ADMIN);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  sv: { audit: 'Loggen', statistics: 'Statistik', intact: /oförändrad/, total: /post/ },
  en: { audit: 'Audit log', statistics: 'Statistics', intact: /intact/, total: /entr/ },
} as const;

for (const locale of ['sv', 'en'] as const) {
  describe(`accountability in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('an auditor verifies the log and searches it', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, AUDITOR.username, locale, AUDITOR.password);
        await page.getByRole('link', { name: TEXT[locale].audit, exact: true }).click();
        await page.waitForURL(/\/accountability\/audit$/);
        await page.getByTestId('audit-table').waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'audit page');

        await page.getByTestId('audit-verify').click();
        const result = page.getByTestId('verify-result');
        await result.locator('.alert-success').waitFor();
        assert.match(await result.innerText(), TEXT[locale].intact);

        // Search by officer: the auditor's own verification run is in the log.
        await page.fill('#f-audit-actor', AUDITOR.username);
        await page.getByTestId('audit-search').click();
        await page.getByTestId('audit-table').getByText('accountability.audit.verify').first().waitFor();
        const rows = page.getByTestId('audit-table').locator('tbody tr');
        assert.ok((await rows.count()) >= 1);
        for (const text of await rows.allInnerTexts()) assert.match(text, new RegExp(AUDITOR.username));
        assert.match(await page.getByTestId('audit-total').innerText(), TEXT[locale].total);
        assert.match(String(await page.getByTestId('audit-csv').getAttribute('href')), /\/api\/audit\/export\.csv\?actor=auditor\.e2e/);
        const csv = await page.request.get(`${server.url}${await page.getByTestId('audit-csv').getAttribute('href')}`);
        assert.equal(csv.status(), 200);
        assert.match(await csv.text(), /accountability\.audit\.verify/);
        // The file is in the page's language (the link names it: a link cannot send Accept-Language).
        assert.match(await csv.text(), locale === 'sv' ? /^\uFEFF?Nr,Tid,Handläggare/ : /^\uFEFF?No\.,Time,Officer/);
        assert.deepEqual(await seriousViolations(page), [], 'audit page with results');
      } finally {
        await context.close();
      }
    });

    test('a supervisor views the statistics with charts and downloads', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, SUPERVISOR.username, locale, SUPERVISOR.password);
        await page.getByRole('link', { name: TEXT[locale].statistics, exact: true }).click();
        await page.waitForURL(/\/accountability\/statistics$/);
        await page.getByTestId('stat-figures').waitFor();
        assert.match(await page.getByTestId('stat-received').innerText(), /\d/);
        const year = new Date().getFullYear();
        assert.equal(await page.getByTestId('stat-xlsx').getAttribute('href'), `/api/statistics/export.xlsx?year=${year}&lang=${locale}`);
        const xlsx = await page.request.get(`${server.url}/api/statistics/export.xlsx?year=${year}`);
        assert.equal(xlsx.status(), 200);
        // The demo's requests are received this year: the by-country chart and its table are drawn.
        await page.getByTestId('stat-country-table').waitFor();
        assert.ok((await page.locator('figure.chart svg').count()) >= 1, 'a chart is drawn');
        assert.deepEqual(await seriousViolations(page), [], 'statistics page');
        await page.selectOption('[data-testid=stat-year]', String(year - 5));
        await page.getByText(locale === 'sv' ? `Inga begäranden om information under ${year - 5}.` : `No requests in ${year - 5}.`).waitFor();

        // The review queue (nothing is due in the demo yet).
        await page.goto(`${server.url}/accountability/reviews`);
        await page.getByTestId('reviews-empty').waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'reviews page');
      } finally {
        await context.close();
      }
    });

    test('an administrator produces a data-subject report', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, ADMIN.username, locale, ADMIN.password);
        await page.goto(`${server.url}/accountability/data-subjects`);
        await page.fill('#f-name', 'Kowalsk');
        await page.fill('#f-justification', 'Data-subject request DSR-2026-1');
        await page.getByTestId('ds-search').getByRole('button').click();
        await page.getByTestId('ds-candidates').getByRole('cell', { name: 'Jan Kowalski / Janek Kowalsky' }).waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'data-subject page');
        await page.getByTestId('ds-produce').click();
        await page.getByTestId('ds-report').waitFor();
        const download = page.waitForEvent('download');
        await page.getByTestId('ds-pdf').click();
        assert.equal((await download).suggestedFilename(), 'data-subject-report.pdf');
      } finally {
        await context.close();
      }
    });
  });
}
