/**
 * Cross-check in a real browser, in Swedish and in English: a person is already stored in one script; an
 * officer registers an incoming request naming him in another; the request shows only that there is a hit until
 * the officer states a justification (LED Art 25), then the hit with its score and explanation; the queue counts
 * it; the officer confirms it, then undoes the merge with a reason; an administrator changes the thresholds —
 * with an accessibility check on each page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { createAccount, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;
const OFFICER = { username: 'crosscheck.e2e', password: 'e2e password 2026', roles: ['duty_officer'] };
const ADMIN = { username: 'matching.admin.e2e', password: 'e2e password 2026', roles: ['administrator'] };
before(async () => {
  server = await startServer({ DEMO: 'false' });
  await createAccount(server, OFFICER);
  await createAccount(server, ADMIN);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const catalog = (lang: string, ns: string) => JSON.parse(fs.readFileSync(new URL(`../src/shared/i18n/${lang}/${ns}.json`, import.meta.url), 'utf8'));

/** Registers a request over the API, as the officer, naming one person. */
async function storeRequest(fullName: string, dateOfBirth: string): Promise<{ reference: string }> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: OFFICER.username, password: OFFICER.password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${server.url}/api/requests`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      direction: 'incoming', channel: 'siena', countryCode: 'DE', counterpartAuthority: 'BKA SPOC', urgent: false, access: 'direct',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(), language: 'de', handlingCode: 'H0', europolCopyReason: 'Not within Europol objectives',
      subject: 'Earlier request', informationSought: 'Criminal record', purpose: 'Investigation of drug trafficking',
      persons: [{ fullName, dateOfBirth, category: 'suspect' }],
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { reference: string };
}

// Each language meets its own person, so the two runs do not see each other's hits.
const CASES = {
  sv: { stored: 'Мухаммад Абдуллаев', typed: 'ABDULLAEV, Muhammad', dob: '1985-03-14', subject: 'Förfrågan om person' },
  en: { stored: 'Никита Хрущёв', typed: 'Nikita Chrusjtjov', dob: '1964-04-15', subject: 'Request about a person' },
} as const;

for (const locale of ['sv', 'en'] as const) {
  describe(`cross-check in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('a request naming a stored person in another script shows the hit; the officer confirms it, then undoes the merge', async () => {
      const c = CASES[locale];
      const earlier = await storeRequest(c.stored, c.dob);
      const ex = catalog(locale, 'exchange');
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, OFFICER.username, locale, OFFICER.password);
        await page.getByTestId('new-incoming').click();
        await page.waitForURL(/\/desk\/requests\/new/);
        await page.selectOption('#f-language', 'de');
        await page.selectOption('#f-countryCode', 'DE');
        await page.fill('#f-counterpartAuthority', 'BKA SPOC');
        await page.selectOption('#f-access', 'direct');
        await page.fill('#f-subject', c.subject);
        await page.fill('#f-informationSought', 'Criminal record and known addresses.');
        await page.fill('#f-purpose', 'Investigation of drug trafficking.');
        // Art 12: within Europol's objectives, so the decision not to copy Europol is reasoned.
        await page.check('#f-europolMandate');
        await page.fill('#f-europolCopyReason', 'No link to other Member States; Europol adds nothing here.');
        await page.getByRole('button', { name: ex.form.person.add }).click();
        await page.fill('#f-persons-0-fullName', c.typed);
        await page.fill('#f-persons-0-dateOfBirth', c.dob);
        await page.selectOption('#f-persons-0-category', 'suspect');
        await page.getByTestId('submit').click();
        await page.waitForURL(/\/desk\/requests\/[0-9a-f-]{36}$/);
        const detailUrl = page.url();
        // The hits name persons: the request shows them only counted until the officer states why.
        const justify = async () => {
          await page.fill('#justification', locale === 'sv' ? 'Kontroll av träff inför svar' : 'Checking the hit before answering');
          await page.getByTestId('show-persons').click();
        };
        const summary = page.getByTestId('hit-summary');
        await summary.waitFor();
        assert.match(await summary.innerText(), locale === 'sv' ? /1 obehandlad träff/ : /1 hit not yet decided/);
        assert.equal(await page.getByTestId('hit').count(), 0, 'no hit is listed before the justification');
        assert.ok(!(await page.locator('main').innerText()).includes(c.stored), 'no name before the justification');
        assert.deepEqual(await seriousViolations(page), [], 'detail page with a hit summary');
        await justify();

        const hit = page.getByTestId('hit').first();
        await hit.waitFor();
        const text = await hit.innerText();
        assert.ok(text.includes(earlier.reference), `the hit names the earlier request: ${text}`);
        assert.ok(text.includes(c.stored), 'the hit shows the stored spelling');
        assert.match(text, /\d+\s?%/, 'the hit shows its score');
        assert.match(await hit.getByTestId('hit-explanation').innerText(), locale === 'sv' ? /Födelsedatum/ : /Date of birth/);
        assert.deepEqual(await seriousViolations(page), [], 'detail page with a hit');

        await page.goto(`${server.url}/desk`);
        const row = page.getByTestId('queue-row').filter({ hasText: c.subject });
        await row.first().waitFor();
        assert.match(await row.first().innerText(), locale === 'sv' ? /öppen träff/ : /open hit/);

        await page.goto(detailUrl);
        await justify();
        await page.getByTestId('hit-confirm').first().click();
        await page.fill('#hit-note', locale === 'sv' ? 'Samma person enligt födelsedatum.' : 'Same person by date of birth.');
        assert.deepEqual(await seriousViolations(page), [], 'confirm dialog');
        await page.getByTestId('hit-decide-submit').click();
        await page.getByTestId('hit').first().getByText(ex.detail.hits.statuses.confirmed, { exact: true }).waitFor();
        assert.equal(await page.getByTestId('hit-confirm').count(), 0, 'a decided hit offers no more buttons');
        await page.reload();
        await justify();
        await page.getByTestId('hit').first().getByText(ex.detail.hits.statuses.confirmed, { exact: true }).waitFor();

        // The merge turns out wrong: the officer undoes it, giving a reason; the hit then shows as rejected with it.
        const m = catalog(locale, 'matching');
        await page.getByTestId('hit-unmerge').first().click();
        await page.fill('#f-unmerge-reason', 'wrong');
        await page.getByTestId('hit-decide-submit').click();
        await page.locator('#f-unmerge-reason-err').waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'undo merge dialog with an error');
        const reason = locale === 'sv' ? 'Fingeravtrycken visar två olika män.' : 'Fingerprints show two different men.';
        await page.fill('#f-unmerge-reason', reason);
        await page.getByTestId('hit-decide-submit').click();
        await page.getByText(m.hits.unmerged).waitFor();
        const undone = page.getByTestId('hit').filter({ hasText: earlier.reference }).first();
        await undone.getByText(ex.detail.hits.statuses.rejected, { exact: true }).waitFor();
        assert.ok((await undone.innerText()).includes(reason), 'the rejected hit shows the reason');
        assert.equal(await page.getByTestId('hit-unmerge').count(), 0, 'an undone merge offers no more undo');
        await page.reload();
        await justify();
        await undone.getByText(ex.detail.hits.statuses.rejected, { exact: true }).waitFor();
      } finally {
        await context.close();
      }
    });
  });
}

test('person search finds a stored person across scripts, with a justification', async () => {
  await storeRequest('Ivan Kuznetsov', '1975-05-05');
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await signIn(page, server.url, OFFICER.username, 'en', OFFICER.password);
    await page.goto(`${server.url}/persons/search`);
    await page.fill('#f-q', 'Иван Кузнецов');
    await page.fill('#f-justification', 'short');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('#f-justification-err').waitFor();
    await page.fill('#f-justification', 'Checking an incoming request from BKA');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('person-result').first().waitFor();
    assert.match(await page.getByTestId('person-results').innerText(), /Ivan Kuznetsov/);
    assert.deepEqual(await seriousViolations(page), [], 'person search');
  } finally {
    await context.close();
  }
});

test('an administrator changes the cross-check thresholds; a review threshold above the alert one is refused', async () => {
  const m = catalog('sv', 'matching');
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  try {
    await signIn(page, server.url, ADMIN.username, 'sv', ADMIN.password);
    await page.getByRole('link', { name: m.settings.nav }).click();
    await page.waitForURL(/\/admin\/matching$/);
    await page.locator('#f-alertThreshold').waitFor();
    assert.equal(await page.inputValue('#f-alertThreshold'), '0.8');
    await page.fill('#f-alertThreshold', '0,6');
    await page.fill('#f-reviewThreshold', '0,7');
    await page.getByTestId('settings-save').click();
    await page.locator('#f-reviewThreshold-err').waitFor();
    assert.match(await page.locator('#f-reviewThreshold-err').innerText(), /granskning/i);
    assert.deepEqual(await seriousViolations(page), [], 'settings page with an error');
    await page.fill('#f-alertThreshold', '0,85');
    await page.fill('#f-reviewThreshold', '0,65');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    await page.reload();
    await page.locator('#f-alertThreshold').waitFor();
    assert.equal(await page.inputValue('#f-alertThreshold'), '0.85');
  } finally {
    await context.close();
  }
});
