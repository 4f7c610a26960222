/**
 * The desk's lawfulness in a real browser, in Swedish and in English (issue 11): an officer corrects a request's
 * urgency (the Art 5(1) deadline is computed again and shown), records its withdrawal, and closes received
 * own-initiative information — each a named action in the page's dialog; the deadline history, thread and facts read
 * as words (no codes, JSON or bare country codes); a 300-character word does not widen the page; the statistics page
 * shows the Art 18 figures apart from other exchanges and its downloads come in the UI's language.
 * An accessibility check on every page and dialog visited.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toSienaWire } from '../src/server/modules/channels/siena.adapter.ts';
import { requestMessage } from '../src/server/modules/channels/test-helpers.ts';
import { DEMO_PASSWORD, launchBrowser, seriousViolations, signIn, startServer, until, type Server } from './support.ts';

let server: Server;
let browser: Browser;
let dropDir: string;

before(async () => {
  dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-drop-'));
  server = await startServer({ CHANNEL_DROP_DIR: dropDir, CHANNEL_SCAN_MS: '200', CHANNEL_SETTLE_MS: '100' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dropDir, { recursive: true, force: true });
});

/** A signed-in API session of a demo user (to set up what the browser then works on). */
async function session(username: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await fetch(`${server.url}${url}`, {
      method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json() };
  };
}

/** Whether the page scrolls sideways (a long word that does not wrap widens it). */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

const LONG = 'X'.repeat(300);
const HOUR = 3_600_000;

const TEXT = {
  sv: {
    basisStandard: /artikel 5\.1 c: 7 kalenderdagar/, basisUrgent: /artikel 5\.1 a: 8 timmar/, regime: 'Begäran om information mellan medlemsstater',
    reclassified: 'Brådska eller åtkomst rättad', classification: 'Brådskande, ', withdrawn: 'Återkallad av den begärande parten',
    withdrawalKind: 'Återkallelse', status: { withdrawn: 'Återkallad', closed: 'Avslutad' }, country: 'Tyskland', required: 'Fältet måste fyllas i.',
    ownInitiative: 'Information på eget initiativ', csvHeader: 'Avsnitt,Uppgift', ended: /ingen återstående tid/,
  },
  en: {
    basisStandard: /Art 5\(1\)\(c\): 7 calendar days/, basisUrgent: /Art 5\(1\)\(a\): 8 hours/, regime: 'Request between Member States',
    reclassified: 'Urgency or access corrected', classification: 'Urgent, ', withdrawn: 'Withdrawn by the requester',
    withdrawalKind: 'Withdrawal', status: { withdrawn: 'Withdrawn', closed: 'Closed' }, country: 'Germany', required: 'This field is required.',
    ownInitiative: 'Own-initiative information', csvHeader: 'Section,Figure', ended: /no time is left/,
  },
} as const;

for (const locale of ['sv', 'en'] as const) {
  const L = TEXT[locale];
  describe(`the desk's lawfulness in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('urgency is corrected and the request withdrawn from the detail page; everything reads as words; long words wrap', async () => {
      const api = await session('jour');
      const receivedAt = new Date(Math.floor((Date.now() - HOUR) / 60_000) * 60_000).toISOString();
      const created = await api('POST', '/api/requests', {
        direction: 'incoming', channel: 'siena', countryCode: 'DE', counterpartAuthority: 'BKA SPOC', urgent: false, access: 'direct',
        receivedAt, language: 'de', handlingCode: 'H0', europolCopy: false, europolCopyReason: 'Not within Europol objectives',
        subject: LONG, informationSought: `Owner of the vehicle ${LONG}`, purpose: 'Investigation of aggravated fraud',
        persons: [], items: [],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id as string;
      assert.equal((await api('POST', `/api/requests/${id}/messages`, { body: `Note ${LONG}` })).status, 200);

      // A Swedish browser: the UI language is chosen on the login page, so downloads cannot rely on Accept-Language.
      const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, 'jour', locale);
        await page.goto(`${server.url}/desk/requests/${id}`);
        await page.getByTestId('deadline-basis').waitFor();
        assert.match(await page.getByTestId('deadline-basis').innerText(), L.basisStandard);
        assert.match(await page.getByTestId('deadline-regime').innerText(), new RegExp(L.regime));
        const facts = await page.locator('.facts').innerText();
        assert.ok(facts.includes(L.country), `the country in words: ${facts}`);
        assert.equal(await overflows(page), false, 'a 300-character word does not widen the detail page');
        await page.setViewportSize({ width: 390, height: 800 });
        assert.equal(await overflows(page), false, 'nor on a narrow screen');
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${server.url}/desk`);
        await page.getByTestId('queue-row').first().waitFor();
        assert.equal(await overflows(page), false, 'nor the queue');
        await page.goto(`${server.url}/desk/requests/${id}`);
        assert.deepEqual(await seriousViolations(page), [], 'detail page');

        // Correct the urgency: a named action in the dialog; the deadline is computed again from receipt.
        await page.getByTestId('action-reclassify').click();
        await page.check('#f-urgent');
        assert.deepEqual(await seriousViolations(page), [], 'reclassify dialog');
        await page.getByTestId('action-submit').click();
        await page.locator('#f-urgencyReason[aria-invalid="true"]').waitFor();
        await page.selectOption('#f-urgencyReason', 'life_or_integrity');
        await page.selectOption('#f-access', 'direct');
        await page.fill('#f-reason', 'The cover note says a life is at risk.');
        await page.getByTestId('action-submit').click();
        await page.getByTestId('deadline-history').getByText(L.reclassified).waitFor();
        assert.match(await page.getByTestId('deadline-basis').innerText(), L.basisUrgent);
        const after = (await api('GET', `/api/requests/${id}`)).body;
        assert.equal(after.dueAt, new Date(Date.parse(receivedAt) + 8 * HOUR).toISOString(), '8 hours from receipt');
        const history = await page.getByTestId('deadline-history').innerText();
        assert.ok(history.includes(L.classification), `the new classification in words: ${history}`);
        assert.doesNotMatch(history, /urgent,|,direct|\d{4}-\d\d-\d\dT/, 'no codes or raw times in the history');

        // Withdraw: the note is required; then the request ends, shown as withdrawn, and may be closed.
        await page.getByTestId('action-withdraw').click();
        await page.getByTestId('action-submit').click();
        await page.locator('dialog').getByText(L.required).first().waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'withdraw dialog with an error');
        await page.fill('#f-note', 'Withdrawn by SIENA message 2026/4711.');
        await page.getByTestId('action-submit').click();
        await page.getByTestId('deadline-history').getByText(L.withdrawn).waitFor();
        await page.locator('.detail-badges').getByText(L.status.withdrawn, { exact: true }).waitFor();
        await page.getByText(L.ended).waitFor();
        const thread = await page.locator('.thread').innerText();
        assert.ok(thread.includes(L.withdrawalKind), 'the withdrawal is in the thread in words');
        assert.doesNotMatch(thread, /\bwithdrawal\b|reclassification|[{}]/, 'no message codes or JSON in the thread');
        assert.equal(await page.getByTestId('action-reclassify').count(), 0);
        await page.getByTestId('action-close').waitFor();
        assert.equal(await overflows(page), false);
        assert.deepEqual(await seriousViolations(page), [], 'withdrawn request');
      } finally {
        await context.close();
      }
    });

    test('received own-initiative information is closed from its page; the statistics show it apart and download in the UI language', async () => {
      const subject = `Tip on a courier (${locale})`;
      const name = `${locale}-information.json`;
      const dir = path.join(dropDir, 'incoming', 'siena');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `.${name}`), JSON.stringify(toSienaWire(requestMessage({
        kind: 'own_initiative', reference: `FI-NBI-${locale}-7`, caseReference: `SIENA-OI-${locale}`, sentAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        from: { country: 'FI', authority: 'NBI SPOC', officer: 'A. Virtanen' }, to: { country: 'SE', authority: 'Polismyndigheten SPOC' },
        subject, urgent: false, urgencyReason: null, access: null, body: 'A courier travels to Stockholm on Friday.', persons: [], items: [],
      }))));
      fs.renameSync(path.join(dir, `.${name}`), path.join(dir, name));
      const api = await session('jour');
      const info = await until('the information on the desk', async () =>
        (await api('GET', '/api/requests?country=FI&limit=200')).body.items.find((r: { subject: string }) => r.subject === subject));

      const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', acceptDownloads: true });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, 'jour', locale);
        await page.goto(`${server.url}/desk/requests/${info.id}`);
        await page.getByTestId('deadline-regime').getByText(L.ownInitiative).waitFor();
        assert.equal(await page.getByTestId('action-answer').count(), 0, 'information is not answered');
        assert.equal(await page.getByTestId('action-withdraw').count(), 0);
        await page.getByTestId('action-close').click();
        await page.fill('#f-note', 'Passed to the regional unit.');
        assert.deepEqual(await seriousViolations(page), [], 'close dialog');
        await page.getByTestId('action-submit').click();
        await page.locator('.detail-badges').getByText(L.status.closed, { exact: true }).waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'closed information');
        await context.clearCookies();

        await signIn(page, server.url, 'chef', locale);
        await page.goto(`${server.url}/accountability/statistics`);
        await page.getByTestId('stat-figures').waitFor();
        const other = page.getByTestId('stat-other-table');
        await other.waitFor();
        assert.match(await other.innerText(), new RegExp(L.ownInitiative), 'own-initiative information is counted apart from Art 18');
        const countries = await page.getByTestId('stat-country-table').innerText();
        assert.ok(countries.includes(L.country), `country names, not codes: ${countries}`);
        assert.deepEqual(await seriousViolations(page), [], 'statistics page');
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stat-csv').click()]);
        const csv = fs.readFileSync((await download.path())!, 'utf8');
        assert.ok(csv.startsWith(`\uFEFF${L.csvHeader}`), `the CSV in the UI language: ${csv.slice(0, 40)}`);
      } finally {
        await context.close();
      }
    });
  });
}
