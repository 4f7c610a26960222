/**
 * Strategic cooperation in a real browser, in Swedish and in English: a strategic officer registers a group,
 * appoints a delegate and reads the delegates with a justification, plans a meeting (dates out of order are refused
 * first), drafts the national instruction; a supervisor approves it (the drafter is not offered approval); the
 * officer writes the report, sets an action item and marks it done — with an accessibility check on every page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.ts';

let server: Server;
let browser: Browser;
const PASSWORD = 'e2e password 2026';
const OFFICER = { username: 'strategi.e2e', password: PASSWORD, roles: ['strategic_officer'], unitCode: 'STRAT', displayName: 'Stina Strategi' };
const CHIEF = { username: 'stratchef.e2e', password: PASSWORD, roles: ['strategic_officer', 'supervisor'], unitCode: 'STRAT', displayName: 'Carl Chef' };
before(async () => {
  server = await startServer({ DEMO: 'false' });
  await createAccount(server, OFFICER);
  await createAccount(server, CHIEF);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  sv: { nav: 'Strategiskt', endsAt: 'Mötet måste sluta efter att det börjar.', approved: 'Godkänd', approve: 'Godkänn', done: /Klar/ },
  en: { nav: 'Strategic', endsAt: 'The meeting must end after it starts.', approved: 'Approved', approve: 'Approve', done: /Done/ },
} as const;

/** A moment as an <input type="datetime-local"> in Stockholm (the browser's zone here) takes it. */
function stockholmInput(msFromNow: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(Date.now() + msFromNow));
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}
const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const H = 3600_000;

async function newPage(locale: 'sv' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
  return { context, page: await context.newPage() };
}

const submit = (page: Page, form: string) => page.getByTestId(form).locator('button[type="submit"]').click();

for (const locale of ['sv', 'en'] as const) {
  describe(`strategic cooperation in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('group → meeting → approved instruction → report → action done', async () => {
      const officer = await newPage(locale);
      const chief = await newPage(locale);
      const code = `LEWP-E2E-${locale.toUpperCase()}`;
      try {
        const o = officer.page;
        await signIn(o, server.url, OFFICER.username, locale, OFFICER.password);
        await o.getByRole('link', { name: TEXT[locale].nav, exact: true }).click();
        await o.waitForURL(/\/strategic$/);
        await o.getByTestId('new-group').waitFor();
        assert.deepEqual(await seriousViolations(o), [], 'strategic home');

        // A group; an empty form first shows field errors.
        await submit(o, 'new-group');
        await o.locator('#f-new-group-code[aria-invalid="true"]').waitFor();
        assert.deepEqual(await seriousViolations(o), [], 'new group with errors');
        await o.fill('#f-new-group-code', code);
        await o.fill('#f-new-group-name', 'Law Enforcement Working Party');
        await submit(o, 'new-group');
        await o.waitForURL(/\/strategic\/groups\/[0-9a-f-]{36}$/);
        const groupUrl = o.url();
        assert.deepEqual(await seriousViolations(o), [], 'group page');

        // Appoint the officer as delegate; the delegates are shown only with a justification.
        await o.selectOption('#f-add-member-userId', { label: OFFICER.displayName });
        await submit(o, 'add-member');
        await o.getByText(/1 (person|persons)/).waitFor();
        await o.fill('#f-justification', 'Förberedelse inför LEWP-mötet');
        await o.getByTestId('show-delegates').click();
        await o.getByTestId('delegate-list').getByText(OFFICER.displayName).waitFor();

        // A meeting: dates out of order are refused in the user's language, then it is planned (started an hour ago).
        await o.fill('#f-new-meeting-title', `LEWP plenary ${locale}`);
        await o.fill('#f-new-meeting-startsAt', stockholmInput(-1 * H));
        await o.fill('#f-new-meeting-endsAt', stockholmInput(-2 * H));
        await o.fill('#f-new-meeting-agenda', 'Adoption of the agenda\nHandbook on cross-border surveillance');
        await submit(o, 'new-meeting');
        const endsAtError = await o.locator('#f-new-meeting-endsAt-err').innerText();
        assert.ok(endsAtError.includes(TEXT[locale].endsAt), endsAtError);
        assert.deepEqual(await seriousViolations(o), [], 'meeting form with errors');
        await o.fill('#f-new-meeting-endsAt', stockholmInput(5 * H));
        await submit(o, 'new-meeting');
        await o.waitForURL(/\/strategic\/meetings\/[0-9a-f-]{36}$/);
        const meetingUrl = o.url();
        await o.getByTestId('strategic-agenda').getByText('Handbook on cross-border surveillance').waitFor();

        // The instruction: drafted, and its drafter is not offered approval.
        await o.fill('#f-draft-instruction-body', 'Sweden supports the handbook with a reference to Art 40 CISA.');
        await o.selectOption('#f-draft-instruction-classification', 'limite');
        await submit(o, 'draft-instruction');
        await o.getByTestId('instruction-status').first().waitFor();
        assert.equal(await o.getByRole('button', { name: TEXT[locale].approve, exact: true }).count(), 0, 'the drafter cannot approve');
        assert.deepEqual(await seriousViolations(o), [], 'meeting with a draft instruction');

        // A supervisor approves it.
        const c = chief.page;
        await signIn(c, server.url, CHIEF.username, locale, CHIEF.password);
        await c.goto(meetingUrl);
        await c.getByRole('button', { name: TEXT[locale].approve, exact: true }).click();
        await c.getByTestId('instruction-status').getByText(TEXT[locale].approved, { exact: true }).waitFor();
        assert.deepEqual(await seriousViolations(c), [], 'meeting with an approved instruction');

        // The officer reports and follows up.
        await o.reload();
        await o.getByTestId('instruction-status').getByText(TEXT[locale].approved, { exact: true }).waitFor();
        await o.fill('#f-report-body', 'The handbook was agreed; written comments are due next week.');
        await submit(o, 'report');
        await o.getByTestId('report-body').waitFor();
        await o.fill('#f-add-action-title', 'Send written comments');
        await o.selectOption('#f-add-action-ownerId', { label: OFFICER.displayName });
        await o.fill('#f-add-action-dueDate', daysAhead(5));
        await submit(o, 'add-action');
        await o.getByTestId('action-item').filter({ hasText: 'Send written comments' }).waitFor();
        await o.locator('[data-testid^="complete-"] button[type="submit"]').click();
        await o.getByTestId('action-done').getByText(TEXT[locale].done).waitFor();
        assert.deepEqual(await seriousViolations(o), [], 'meeting reported and followed up');

        // The group's calendar and "my meetings" are iCalendar files holding the meeting.
        await o.goto(groupUrl);
        const ics = await o.evaluate(async (u) => {
          const g = await fetch(`${u}/calendar.ics`.replace('/strategic/groups/', '/api/strategic/groups/'), { credentials: 'same-origin' });
          const mine = await fetch('/api/strategic/my/calendar.ics', { credentials: 'same-origin' });
          return [g.status, await g.text(), await mine.text()] as const;
        }, groupUrl);
        assert.equal(ics[0], 200);
        assert.match(ics[1], /BEGIN:VCALENDAR[\s\S]*SUMMARY:LEWP-E2E/);
        assert.match(ics[2], new RegExp(`LEWP plenary ${locale}`));
      } finally {
        await officer.context.close();
        await chief.context.close();
      }
    });
  });
}

test('the module is not there for a duty officer, and the public page links nowhere internal', async () => {
  const duty = { username: 'duty.strategic.e2e', password: PASSWORD, roles: ['duty_officer'] };
  await createAccount(server, duty);
  const { context, page } = await newPage('en');
  try {
    await page.goto(`${server.url}/`);
    await page.getByTestId('lang-en').click();
    const card = page.locator('.area').filter({ hasText: 'Strategic police cooperation' });
    await card.waitFor();
    assert.equal(await card.locator('a').count(), 0, 'the public section on strategic cooperation has no links');
    await signIn(page, server.url, duty.username, 'en', duty.password);
    assert.equal(await page.getByRole('link', { name: 'Strategic', exact: true }).count(), 0);
    const status = await page.evaluate(async () => (await fetch('/api/strategic/groups', { credentials: 'same-origin' })).status);
    assert.equal(status, 404);
    await page.goto(`${server.url}/strategic`);
    await page.locator('#nf-title').waitFor();
  } finally {
    await context.close();
  }
});
