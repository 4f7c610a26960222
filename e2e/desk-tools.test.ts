/**
 * The night shift's tools in a real browser, in Swedish and English: case search by the other country's reference
 * and a person's name written in another script; the notification bell counting up live when a colleague assigns a
 * case (no reload); the shift handover listing the new case, printable as PDF, and recorded with a note.
 * Accessibility is checked on each page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { createAccount, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;
const PASSWORD = 'e2e password 2026';
const OFFICER = { sv: 'natt.sv', en: 'natt.en' } as const;
const ASSIGNER = { username: 'arbetsledare.e2e', password: PASSWORD, roles: ['supervisor'] };

before(async () => {
  // Fast polling so the bell's live update shows within the test's patience.
  server = await startServer({ DEMO: 'false', NOTIFICATION_POLL_MS: '300' });
  await createAccount(server, { username: OFFICER.sv, password: PASSWORD, roles: ['duty_officer'] });
  await createAccount(server, { username: OFFICER.en, password: PASSWORD, roles: ['duty_officer'] });
  await createAccount(server, ASSIGNER);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const catalog = (lang: string, ns: string) => JSON.parse(fs.readFileSync(new URL(`../src/shared/i18n/${lang}/${ns}.json`, import.meta.url), 'utf8'));

async function session(username: string) {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  assert.equal(login.status, 200, await login.clone().text());
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { id: string } };
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return { userId: user.id, call };
}

const CASES = {
  sv: { foreign: 'EU-DE-2026/70011', person: 'Сергей Кузнецов', typed: 'Sergej Kuznetsov', dob: '1983-06-02' },
  en: { foreign: 'EU-FI-2026/70022', person: 'Ольга Смирнова', typed: 'Olga Smirnova', dob: '1990-09-17' },
} as const;

for (const locale of ['sv', 'en'] as const) {
  describe(`desk tools in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('search by foreign reference and by a name in another script; the bell counts a new assignment live; handover', async () => {
      const c = CASES[locale];
      const L = catalog(locale, 'desk');
      const officer = await session(OFFICER[locale]);
      const created = await officer.call('POST', '/api/requests', {
        direction: 'incoming', channel: 'siena', countryCode: locale === 'sv' ? 'DE' : 'FI', counterpartAuthority: 'SPOC', counterpartReference: c.foreign,
        urgent: false, access: 'direct', receivedAt: new Date(Date.now() - 3_600_000).toISOString(), language: 'en', handlingCode: 'H0',
        europolCopyReason: 'Not within Europol objectives', subject: 'Identity check', informationSought: 'Identity documents', purpose: 'Investigation of fraud',
        persons: [{ fullName: c.person, dateOfBirth: c.dob, category: 'suspect' }],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const reference = created.body.reference as string;

      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      await signIn(page, server.url, OFFICER[locale], locale, PASSWORD);

      // Search by the other country's reference (part of it, other case).
      await page.getByRole('link', { name: L.nav.search, exact: true }).click();
      await page.getByLabel(L.search.query).fill(c.foreign.slice(3).toLowerCase());
      await page.getByRole('button', { name: L.search.submit }).click();
      const row = page.getByTestId('case-result');
      await row.first().waitFor();
      assert.equal(await row.count(), 1);
      assert.match(await row.first().innerText(), new RegExp(reference));
      assert.match(await row.first().innerText(), new RegExp(L.search.matchedIn.foreign_reference));
      assert.deepEqual(await seriousViolations(page), []);

      // A bad date range: a translated field error, no results.
      await page.getByLabel(L.search.receivedFrom).fill('2026-12-10');
      await page.getByLabel(L.search.receivedTo).fill('2026-12-01');
      await page.getByRole('button', { name: L.search.submit }).click();
      await page.getByText(L.errors.dates_out_of_order).first().waitFor();

      // By a person's name in another script: the person search (with a justification) leads to the case.
      await page.getByRole('link', { name: L.search.personsLink }).click();
      const M = catalog(locale, 'matching');
      await page.getByLabel(M.search.query).fill(c.typed);
      await page.getByLabel(M.search.justification).fill(locale === 'sv' ? 'Kontroll av person i ärende' : 'Checking a person in a case');
      await page.getByRole('button', { name: M.search.submit }).click();
      await page.getByTestId('person-result').first().waitFor();
      await page.getByTestId('person-results').getByRole('link', { name: reference }).click();
      await page.waitForURL(new RegExp(`/desk/requests/${created.body.id}`));

      // The bell: a supervisor assigns the case to the officer; the count rises without a reload.
      const bell = page.getByTestId('notification-bell');
      const before = Number((await page.getByTestId('bell-count').count()) ? await page.getByTestId('bell-count').innerText() : 0);
      const assigner = await session(ASSIGNER.username);
      const assigned = await assigner.call('POST', `/api/requests/${created.body.id}/assign`, { version: created.body.version, assigneeId: officer.userId });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent ?? 0) === n + 1, before, { timeout: 10_000 });
      assert.match((await bell.getByRole('link').getAttribute('aria-label')) ?? '', new RegExp(String(before + 1)));

      // Handover: the new case is listed; a PDF prints; recording with a note shows it as the previous handover.
      await page.getByRole('link', { name: L.nav.handover, exact: true }).click();
      await page.getByTestId('handover-new').getByRole('link', { name: reference }).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      const pdf = await page.request.get(`${server.url}/api/desk/handover.pdf?hours=12`);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      const note = locale === 'sv' ? 'Ring BKA i morgon bitti.' : 'Call the Finnish SPOC in the morning.';
      await page.getByLabel(L.handover.note).fill(note);
      await page.getByRole('button', { name: L.handover.record }).click();
      await page.getByText(L.handover.recorded).waitFor();
      await page.getByTestId('handover-facts').getByText(note).waitFor();
      await context.close();
    });
  });
}
