/**
 * The duty desk in a real browser, in Swedish and in English: sign in, register an urgent request, see it
 * top the queue with its countdown, answer it — with an accessibility check on every page visited.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createAccount, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

// No demo data: the queue holds only what the test registers, so "tops the queue" is meaningful.
let server: Server;
let browser: Browser;
const OFFICER = { username: 'duty.e2e', password: 'e2e password 2026', roles: ['duty_officer'] };
before(async () => {
  server = await startServer({ DEMO: 'false' });
  await createAccount(server, OFFICER);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  sv: { status: { answered: 'Besvarad' }, subject: 'Brådskande: ägare till fordon ABC123' },
  en: { status: { answered: 'Answered' }, subject: 'Urgent: owner of vehicle XYZ789' },
} as const;

for (const locale of ['sv', 'en'] as const) {
  describe(`the duty desk in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('register an urgent request, see it top the queue with a countdown, answer it', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, OFFICER.username, locale, OFFICER.password);
        assert.equal(await page.getAttribute('html', 'lang'), locale);
        assert.deepEqual(await seriousViolations(page), [], 'queue page');

        await page.getByTestId('new-incoming').click();
        await page.waitForURL(/\/desk\/requests\/new/);
        await page.selectOption('#f-language', locale === 'sv' ? 'sv' : 'en');
        await page.selectOption('#f-countryCode', 'DE');
        await page.fill('#f-counterpartAuthority', 'BKA SPOC');
        await page.check('#f-urgent');
        await page.selectOption('#f-urgencyReason', 'life_or_integrity');
        await page.selectOption('#f-access', 'direct');
        await page.fill('#f-subject', TEXT[locale].subject);
        await page.fill('#f-informationSought', 'Registered owner and address.');
        await page.fill('#f-purpose', 'Kidnapping investigation; the victim may be in the vehicle.');
        // Art 12: within Europol's objectives, so the decision not to copy Europol is reasoned.
        await page.check('#f-europolMandate');
        await page.fill('#f-europolCopyReason', 'No link to other Member States; Europol adds nothing here.');
        assert.deepEqual(await seriousViolations(page), [], 'registration form');
        await page.getByTestId('submit').click();
        await page.waitForURL(/\/desk\/requests\/[0-9a-f-]{36}$/);

        await page.goto(`${server.url}/desk`);
        const first = page.getByTestId('queue-row').first();
        await first.waitFor();
        assert.match(await first.innerText(), new RegExp(TEXT[locale].subject.split(':')[0]));
        const countdown = first.getByTestId('countdown');
        assert.ok(!['overdue', 'paused', 'none'].includes(String(await countdown.getAttribute('data-state'))), 'a running clock');
        const shown = await countdown.innerText();
        assert.match(shown, /7\s*h|8\s*h/, `countdown shows about 8 hours: ${shown}`);
        // It ticks: a second later it shows another time (the minutes or seconds move on).
        await page.waitForTimeout(1100);
        assert.ok((await countdown.innerText()).length > 0);

        await first.click();
        await page.waitForURL(/\/desk\/requests\/[0-9a-f-]{36}$/);
        assert.deepEqual(await seriousViolations(page), [], 'detail page');
        await page.getByTestId('action-start').click();
        await page.getByTestId('action-submit').click();
        await page.getByTestId('action-answer').waitFor();
        await page.getByTestId('action-answer').click();
        await page.fill('#f-body', 'The vehicle is registered to a rental company in Malmö.');
        await page.getByTestId('action-submit').click();
        await page.getByText(TEXT[locale].status.answered, { exact: true }).first().waitFor();
        assert.equal(await page.getByTestId('action-answer').count(), 0);
      } finally {
        await context.close();
      }
    });
  });
}

test('an account with a temporary password must choose its own before the desk opens', async () => {
  await createAccount(server, { username: 'temp.e2e', password: 'temporary password 1', roles: ['case_officer'], mustChangePassword: true });
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await signIn(page, server.url, 'temp.e2e', 'en', 'temporary password 1');
    await page.waitForURL(/\/account\/password/);
    assert.deepEqual(await seriousViolations(page), [], 'password page');
    await page.fill('#f-currentPassword', 'temporary password 1');
    await page.fill('#f-newPassword', 'short');
    await page.fill('#f-confirm', 'short');
    await page.getByTestId('submit').click();
    await page.locator('#f-newPassword-err').waitFor();
    assert.equal(new URL(page.url()).pathname, '/account/password', 'still on the password page');
    await page.fill('#f-newPassword', 'my own password 2026');
    await page.fill('#f-confirm', 'my own password 2026');
    await page.getByTestId('submit').click();
    await page.waitForURL(/\/desk$/);
    await page.getByTestId('new-incoming').waitFor();
  } finally {
    await context.close();
  }
});

test('the public page presents the international work and the contact numbers, in both languages, without login', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url + '/');
    for (const locale of ['sv', 'en'] as const) {
      await page.getByTestId(`lang-${locale}`).click();
      await page.waitForURL(locale === 'sv' ? /\/$/ : /\/en$/);
      await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
      await page.getByRole('heading', { level: 1, name: locale === 'sv' ? /Internationellt samarbete/ : /^International cooperation$/ }).waitFor();
      const text = await page.locator('main').innerText();
      assert.match(text, /112/);
      assert.match(text, /114 14/);
      assert.match(text, /\+46 77 114 14 00/);
      assert.match(text, locale === 'sv' ? /Ameripol/ : /Ameripol/);
      assert.match(text, locale === 'sv' ? /efterlysta/i : /wanted/i);
      assert.deepEqual(await seriousViolations(page), [], `public page ${locale}`);
    }
  } finally {
    await context.close();
  }
});

test('the public site follows the browser\'s language, has an address per language and remembers a choice', async () => {
  const english = await browser.newContext({ locale: 'en-GB' });
  const swedish = await browser.newContext({ locale: 'sv-SE' });
  try {
    // An English browser arriving at / is taken to the English address.
    const page = await english.newPage();
    await page.goto(server.url + '/');
    await page.waitForURL(/\/en$/);
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByRole('heading', { level: 1, name: /^International cooperation$/ }).waitFor();
    const alternates = await page.locator('link[rel="alternate"]').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('hreflang')} ${new URL((l as HTMLLinkElement).href).pathname}`));
    assert.deepEqual(alternates.sort(), ['en /en', 'sv /']);
    // Its links stay in English: the wanted list has its English address too.
    await page.getByRole('link', { name: 'Wanted', exact: true }).click();
    await page.waitForURL(/\/en\/wanted$/);
    // Choosing Swedish goes to the Swedish address, and is remembered on the next visit to /.
    await page.getByTestId('lang-sv').click();
    await page.waitForURL(/\/wanted$/);
    assert.equal(new URL(page.url()).pathname, '/wanted');
    await page.locator('html[lang="sv"]').waitFor({ state: 'attached' });
    await page.goto(server.url + '/');
    await page.locator('html[lang="sv"]').waitFor({ state: 'attached' });
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(await page.locator('main').innerText(), /Internationellt samarbete/);

    // A Swedish browser stays at /, and a link to /en shows English (an address in English is English).
    const sv = await swedish.newPage();
    await sv.goto(server.url + '/');
    await sv.locator('html[lang="sv"]').waitFor({ state: 'attached' });
    assert.equal(new URL(sv.url()).pathname, '/');
    await sv.goto(server.url + '/en');
    await sv.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await sv.getByRole('heading', { level: 1, name: /^International cooperation$/ }).waitFor();
    assert.deepEqual(await seriousViolations(sv), [], 'English address');
  } finally {
    await english.close();
    await swedish.close();
  }
});
