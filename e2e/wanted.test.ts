/**
 * FAST in a real browser, in Swedish and in English: a FAST officer registers a person wanted on a European
 * arrest warrant; a FAST supervisor publishes the person, the public finds them on the "most wanted" page and
 * sends a tip, the supervisor unpublishes and the person is gone; the officer records the arrest abroad and
 * sees the decision clock on the desk — with an accessibility check on every page visited.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;
const OFFICER = { username: 'fast.e2e', password: 'e2e password 2026', roles: ['fast_officer'], unitCode: 'FAST' };
const SUPERVISOR = { username: 'fastchef.e2e', password: 'e2e password 2026', roles: ['fast_officer', 'supervisor'], unitCode: 'FAST' };
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
  sv: { name: 'Testperson Efterlyst', arrested: 'Gripen', published: 'Publicerad', notPublished: 'Inte publicerad', thanks: /Tack/, left: /kvar/ },
  en: { name: 'Test Person Wanted', arrested: 'Arrested', published: 'Published', notPublished: 'Not published', thanks: /Thank you/, left: /left/ },
} as const;

// A 1×1 PNG, for the photo shown on the public appeal.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A date some days back, as an <input type="date"> takes it. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function newPage(locale: 'sv' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
  return { context, page: await context.newPage() };
}

async function act(page: Page, action: string, fill: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`wanted-action-${action}`).click();
  await page.locator('dialog').waitFor();
  await fill(page);
  await page.getByTestId('action-submit').click();
  await page.locator('dialog').waitFor({ state: 'detached' });
}

async function publicNames(page: Page, locale: 'sv' | 'en'): Promise<string> {
  await page.goto(`${server.url}/`);
  await page.getByTestId(`lang-${locale}`).click();
  await page.getByRole('link', { name: locale === 'sv' ? 'Efterlysta' : 'Wanted', exact: true }).click();
  await page.waitForURL(/\/wanted$/);
  await page.locator('[data-testid="public-wanted"], [data-testid="public-wanted-empty"]').first().waitFor();
  return page.locator('main').innerText();
}

for (const locale of ['sv', 'en'] as const) {
  describe(`FAST in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('register on an EAW, publish and unpublish, record an arrest abroad, see the clock on the desk', async () => {
      const name = TEXT[locale].name;
      const officer = await newPage(locale);
      const supervisor = await newPage(locale);
      const visitor = await newPage(locale);
      try {
        // The officer registers the person; an empty form first shows field-level errors.
        const o = officer.page;
        await signIn(o, server.url, OFFICER.username, locale, OFFICER.password);
        await o.getByTestId('fast-clocks').waitFor();
        assert.deepEqual(await seriousViolations(o), [], 'desk with the FAST clocks');
        await o.getByRole('link', { name: 'FAST', exact: true }).click();
        await o.waitForURL(/\/desk\/wanted$/);
        assert.deepEqual(await seriousViolations(o), [], 'register');
        await o.getByTestId('new-wanted').click();
        await o.waitForURL(/\/desk\/wanted\/new$/);
        await o.getByTestId('submit').click();
        await o.locator('#f-fullName[aria-invalid="true"]').waitFor();
        assert.ok(await o.locator('.error-summary').isVisible(), 'the error summary is shown');
        assert.deepEqual(await seriousViolations(o), [], 'form with errors');
        await o.fill('#f-fullName', name);
        await o.fill('#f-otherScriptNames', 'Тестов Тест');
        await o.fill('#f-dateOfBirth', '1980-04-01');
        await o.fill('#f-authorityReference', `AM-E2E-${locale}`);
        await o.fill('#f-offence', 'Grovt rån, Stockholms tingsrätt B 999-26');
        await o.fill('#f-offenceSummary', locale === 'sv' ? 'Grovt rån' : 'Aggravated robbery');
        await o.fill('#f-warrants-0-issuingAuthority', 'Åklagarmyndigheten');
        await o.fill('#f-warrants-0-issuedAt', daysAgo(20));
        await o.fill('#f-warrants-0-eaw-c_judgment', 'Stockholms tingsrätt, häktning i sin frånvaro');
        await o.fill('#f-warrants-0-eaw-d_offence', 'Grovt rån (BrB 8:6)');
        await o.getByTestId('submit').click();
        await o.waitForURL(/\/desk\/wanted\/[0-9a-f-]{36}$/);
        const detailUrl = o.url();
        await o.getByTestId('wanted-status').waitFor();
        assert.deepEqual(await seriousViolations(o), [], 'record');
        assert.equal(await o.getByTestId('wanted-action-publish').count(), 0, 'an officer is not offered publication');
        await o.setInputFiles('#f-add-photo-file', { name: 'photo.png', mimeType: 'image/png', buffer: PNG });
        await o.check('#f-add-photo-public');
        await o.getByTestId('add-photo').locator('button[type="submit"]').click();
        // Just registered, the record was opened without a justification: the photo asks for one, then shows.
        await o.fill('#f-photo-justification', 'Kontroll av uppladdat foto');
        await o.getByTestId('photo-justification').locator('button[type="submit"]').click();
        await o.locator('.photo-list img').waitFor();
        await o.waitForFunction(() => document.querySelector<HTMLImageElement>('.photo-list img')?.complete);
        assert.equal(await o.locator('.photo-list img').evaluate((img: HTMLImageElement) => img.naturalWidth), 1, 'the internal photo loads');

        // The supervisor opens the record with a justification and publishes it.
        const s = supervisor.page;
        await signIn(s, server.url, SUPERVISOR.username, locale, SUPERVISOR.password);
        await s.goto(detailUrl);
        await s.fill('#f-justification', 'Beslut om efterlysning hos allmänheten');
        await s.getByTestId('open-record').click();
        await act(s, 'publish', (p) => p.fill('#f-decision', 'Nödvändigt: personen bedöms farlig och har inte kunnat lokaliseras.'));
        await s.getByTestId('publication-state').getByText(TEXT[locale].published, { exact: true }).waitFor();

        // The public finds the person without logging in, and sends a tip that is never shown back.
        const v = visitor.page;
        assert.match(await publicNames(v, locale), new RegExp(name));
        assert.deepEqual(await seriousViolations(v), [], 'public page');
        const card = v.getByTestId('public-wanted').filter({ hasText: name });
        assert.ok(await card.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1), 'the public photo loads');
        await card.getByRole('button').click();
        await card.locator('textarea').fill('Jag såg personen vid Centralstationen i går kväll.');
        await card.locator('form button[type="submit"]').click();
        await card.getByText(TEXT[locale].thanks).waitFor();
        assert.doesNotMatch(await v.locator('main').innerText(), /Centralstationen/);

        // Unpublishing takes effect at once.
        await act(s, 'unpublish', async () => {});
        await s.getByTestId('publication-state').getByText(TEXT[locale].notPublished, { exact: true }).waitFor();
        assert.doesNotMatch(await publicNames(v, locale), new RegExp(name));

        // The officer finds the record again (the search is logged with its justification), and records the
        // arrest abroad; the decision clock runs (60 days, FD 2002/584 Art 17(3)).
        await o.getByRole('link', { name: 'FAST', exact: true }).click();
        await o.fill('#f-justification', 'Gripande i Spanien, EAW');
        await o.fill('#f-q', 'Тестов');
        await o.getByTestId('wanted-search').click();
        await o.getByTestId('wanted-row').filter({ hasText: name }).getByRole('link').click();
        await o.getByTestId('wanted-action-arrest').waitFor();
        await act(o, 'arrest', async (p) => {
          await p.selectOption('#f-countryCode', 'ES');
          await p.fill('#f-place', 'Málaga');
          assert.deepEqual(await seriousViolations(p), [], 'arrest dialog');
        });
        await o.getByTestId('wanted-status').getByText(TEXT[locale].arrested, { exact: true }).waitFor();
        await o.getByTestId('clock-decision').waitFor();

        await o.goto(`${server.url}/desk`);
        const clock = o.getByTestId('fast-clock').filter({ hasText: /FAST-\d{7}/ }).first();
        await clock.waitFor();
        const countdown = clock.getByTestId('countdown');
        assert.equal(await countdown.getAttribute('data-state'), 'running');
        const shown = await countdown.innerText();
        assert.match(shown, /(59|60)\s*d/, `the decision clock shows about 60 days: ${shown}`);
        assert.match(shown, TEXT[locale].left);
        assert.deepEqual(await seriousViolations(o), [], 'desk with a running FAST clock');
      } finally {
        await officer.context.close();
        await supervisor.context.close();
        await visitor.context.close();
      }
    });
  });
}

test('the register is not there for a duty officer: no FAST link, and the page answers "not found"', async () => {
  const duty = { username: 'duty.wanted.e2e', password: 'e2e password 2026', roles: ['duty_officer'] };
  await createAccount(server, duty);
  const { context, page } = await newPage('en');
  try {
    await signIn(page, server.url, duty.username, 'en', duty.password);
    assert.equal(await page.getByTestId('fast-clocks').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'FAST', exact: true }).count(), 0);
    const status = await page.evaluate(async () => (await fetch('/api/wanted?justification=Just+curious+about+it', { credentials: 'same-origin' })).status);
    assert.equal(status, 404);
    await page.goto(`${server.url}/desk/wanted`);
    await page.fill('#f-justification', 'Just curious about it');
    await page.getByTestId('wanted-search').click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByTestId('wanted-row').count(), 0);
  } finally {
    await context.close();
  }
});
