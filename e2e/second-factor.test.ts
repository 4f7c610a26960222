/**
 * Two-factor authentication in the browser (issue 11, item 5): a role that requires it sees only the set-up page
 * until an authenticator is added, then logs in with password and code and cannot turn it off; a user for whom it
 * is voluntary turns it on and off again with password and a current code. Swedish and English, with axe.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { generate as generateTotp } from 'otplib';
import { DEMO_PASSWORD, enrolSecondFactor, launchBrowser, seriousViolations, signIn, signInWithCode, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;

before(async () => {
  // Supervisors must use a second factor on this server; everybody else may.
  server = await startServer({ MFA_REQUIRED_ROLES: 'supervisor' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const cases = [
  { locale: 'sv', mandatory: 'chef', voluntary: 'jour' },
  { locale: 'en', mandatory: 'fastchef', voluntary: 'handlaggare' },
] as const;

for (const { locale, mandatory, voluntary } of cases) {
  const sv = locale === 'sv';
  describe(`second factor in ${sv ? 'Swedish' : 'English'}`, () => {
    test('required: only the set-up page until an authenticator is added, then password and code; cannot be turned off', async () => {
      const context = await browser.newContext({ locale: sv ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, mandatory, locale);
        await page.waitForURL(/\/account\/second-factor\?next=/);
        // The page renders after the URL changes: wait for its text, do not read an empty main.
        await page.locator('main').getByText(sv ? /Din roll kräver tvåfaktorsautentisering/ : /Your role requires two-factor authentication/).waitFor();
        assert.deepEqual(await seriousViolations(page), [], `set-up page (${locale})`);
        // The desk stays closed.
        await page.goto(`${server.url}/desk`);
        await page.waitForURL(/\/account\/second-factor/);

        // A wrong password is a field error; a wrong code too.
        await page.locator('input[name="password"]').fill('not the password at all');
        await page.getByRole('button', { name: sv ? 'Fortsätt' : 'Continue' }).click();
        await page.locator('#f-password-err').waitFor();
        assert.match(await page.locator('#f-password-err').innerText(), sv ? /Fel användarnamn eller lösenord/ : /Wrong username or password/);
        await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: sv ? 'Fortsätt' : 'Continue' }).click();
        await page.getByTestId('totp-qr').waitFor();
        const secret = (await page.getByTestId('totp-secret').innerText()).trim();
        assert.match(secret, /^[A-Z2-7]{16,}$/);
        assert.deepEqual(await seriousViolations(page), [], `scan step (${locale})`);
        const good = await generateTotp({ secret });
        await page.locator('input[name="newCode"]').fill(good === '000000' ? '111111' : '000000');
        await page.getByRole('button', { name: sv ? 'Slå på' : 'Turn on' }).click();
        await page.locator('#f-newCode-err').waitFor();
        await page.locator('input[name="newCode"]').fill(good);
        await page.getByRole('button', { name: sv ? 'Slå på' : 'Turn on' }).click();
        await page.waitForURL(/\/desk$/);

        // On the page: on, required by the role, and no way to turn it off.
        await page.goto(`${server.url}/account/second-factor`);
        assert.match(await page.getByTestId('factor-status').innerText(), sv ? /påslagen\.\s*Din roll kräver den/ : /is on\.\s*Your role requires it/);
        assert.equal(await page.getByTestId('factor-disable').count(), 0);

        // Signed out: the next login asks for the code.
        await page.getByTestId('user-menu').click();
        await page.getByTestId('logout').click();
        await page.waitForURL(/\/(en)?$/).catch((e) => { throw new Error(`after logout at ${page.url()}: ${e}`); });
        await signInWithCode(page, server.url, mandatory, locale, DEMO_PASSWORD, secret);
      } finally {
        await context.close();
      }
    });

    test('voluntary: turned on from the user menu, and off again with password and a current code', async () => {
      const context = await browser.newContext({ locale: sv ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, voluntary, locale);
        await page.waitForURL(/\/desk$/);
        await page.getByTestId('user-menu').click();
        await page.getByTestId('second-factor').click();
        assert.match(await page.getByTestId('factor-status').innerText(), sv ? /avslagen/ : /is off/);
        const secret = await enrolSecondFactor(page, DEMO_PASSWORD, locale);
        await page.getByRole('status').filter({ hasText: sv ? /är påslagen/ : /is on/ }).waitFor();
        assert.match(await page.getByTestId('factor-status').innerText(), sv ? /påslagen/ : /is on/);

        // Turning off needs a current code as well as the password.
        await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
        await page.getByTestId('factor-disable').click();
        await page.locator('#f-code-err').waitFor();
        await page.locator('input[name="code"]').fill(await generateTotp({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
        await page.getByTestId('factor-disable').click();
        await page.getByRole('status').filter({ hasText: sv ? /är avslagen/ : /is off/ }).waitFor();
        assert.match(await page.getByTestId('factor-status').innerText(), sv ? /avslagen/ : /is off/);
        assert.deepEqual(await seriousViolations(page), [], `second-factor page (${locale})`);
      } finally {
        await context.close();
      }
    });
  });
}
