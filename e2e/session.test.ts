/**
 * The idle timeout in the browser (issue 11, item 10): two minutes before a session would end unused the user is
 * warned and can stay signed in; once it has ended, the page is hidden behind a dialog that asks for the password,
 * and a half-written request is still on the page after signing in again; the notification bell's live stream ends
 * with the session and is opened again after signing in. The server here ends sessions after one
 * idle minute (the warning then comes half a minute before). Swedish and English side by side, with axe.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;

before(async () => {
  server = await startServer({ SESSION_IDLE_MINUTES: '1' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  sv: { warning: /loggas du ut om/, expired: /det du har skrivit på sidan finns kvar/ },
  en: { warning: /you will be signed out in/, expired: /what you have written on the page is still there/ },
} as const;

// Without input the session lasts at most two idle minutes after the last click (reads made within a minute of a
// click still count as use); the waits allow for that.
const WAIT = { timeout: 150_000 };

async function flow(locale: 'sv' | 'en'): Promise<void> {
  const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
  const page: Page = await context.newPage();
  const draft = locale === 'sv' ? 'Halvskriven begäran om fordonsuppgifter' : 'Half-written request for vehicle data';
  try {
    await signIn(page, server.url, 'jour', locale);
    await page.goto(`${server.url}/desk/requests/new`);
    await page.locator('#f-subject').fill(draft);

    // Left alone: the warning, and "stay signed in" keeps the session.
    const warning = page.getByTestId('session-warning');
    await warning.waitFor(WAIT);
    assert.match(await warning.innerText(), TEXT[locale].warning);
    assert.deepEqual(await seriousViolations(page), [], `idle warning (${locale})`);
    await page.getByTestId('session-stay').click();
    await warning.waitFor({ state: 'detached' });

    // Left alone again until the end: the page is hidden and asks for the password; the user name is given.
    // The live notification stream ends with the session and the browser's reconnection is refused.
    const streamRefused = page.waitForResponse((r) => r.url().endsWith('/api/notifications/stream') && r.status() === 401, WAIT);
    await page.getByTestId('session-expired').waitFor(WAIT);
    await streamRefused;
    assert.match(await page.getByTestId('session-expired').innerText(), TEXT[locale].expired);
    assert.equal(await page.locator('dialog input[name="username"]').inputValue(), 'jour');
    assert.equal(
      await page.locator('dialog.dialog-session-ended').evaluate((d) => getComputedStyle(d, '::backdrop').backgroundColor),
      'rgb(10, 20, 35)', 'the page under the dialog is hidden',
    );
    assert.deepEqual(await seriousViolations(page), [], `session ended (${locale})`);
    // The server agrees that the session is over.
    assert.equal(await page.evaluate(async () => (await fetch('/api/requests', { credentials: 'same-origin' })).status), 401);

    // A wrong password is a field error in the dialog; the right one gives the page back with the draft on it.
    await page.locator('dialog input[name="password"]').fill('not the password');
    await page.locator('dialog [data-testid="submit"]').click();
    await page.locator('dialog #f-password-err').waitFor();
    await page.locator('dialog input[name="password"]').fill(DEMO_PASSWORD);
    const streamReopened = page.waitForResponse((r) => r.url().endsWith('/api/notifications/stream') && r.status() === 200, { timeout: 15_000 });
    await page.locator('dialog [data-testid="submit"]').click();
    await page.getByTestId('session-expired').waitFor({ state: 'detached' });
    // The bell is live again without reloading the page.
    await streamReopened;
    assert.equal(new URL(page.url()).pathname, '/desk/requests/new');
    assert.equal(await page.locator('#f-subject').inputValue(), draft);
    assert.equal(await page.evaluate(async () => (await fetch('/api/requests', { credentials: 'same-origin' })).status), 200);
  } finally {
    await context.close();
  }
}

test('warned before an idle session ends; signed in again in place, the draft is kept (Swedish and English)', async () => {
  await Promise.all([flow('sv'), flow('en')]);
});
