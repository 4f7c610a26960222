/**
 * Channels in a real browser, in Swedish and in English: a SIENA gateway drops a request into the drop folder;
 * it appears on the duty queue with its Art 5 deadline; a follow-up in the same SIENA case joins the same case;
 * an officer adds a person and answers, and the answer is written to the outbound folder in SIENA format.
 * Also: an outgoing draft is edited before it is sent. An accessibility check on every page visited.
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
// The demo duty officer of the SPOC unit; the test finds its own cases by subject among the demo requests.
const OFFICER = { username: 'jour', password: DEMO_PASSWORD };

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

/** Drops a file the way a gateway must: written under a dot-name, then renamed in (atomic). */
function drop(name: string, doc: unknown) {
  const dir = path.join(dropDir, 'incoming', 'siena');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `.${name}`), JSON.stringify(doc));
  fs.renameSync(path.join(dir, `.${name}`), path.join(dir, name));
}


const processed = (name: string) => () => (fs.existsSync(path.join(dropDir, 'processed', 'siena', name)) ? true : undefined);

const TEXT = {
  sv: { subject: 'Identitet på misstänkt i ett väpnat rån', followUp: 'Den misstänkte använder också en vit skåpbil.', answer: 'Personen är folkbokförd i Malmö.', draft: 'Utkast: fordonsägare', edited: 'Utkast: fordonsägare och adress', answered: 'Besvarad' },
  en: { subject: 'Identity of a suspect in an armed robbery', followUp: 'The suspect also uses a white van.', answer: 'The person is registered in Malmö.', draft: 'Draft: vehicle owner', edited: 'Draft: vehicle owner and address', answered: 'Answered' },
} as const;

async function openFromQueue(page: Page, subject: string) {
  await page.goto(`${server.url}/desk`);
  const row = page.getByTestId('queue-row').filter({ hasText: subject });
  await until('the dropped request on the queue', async () => {
    if (await row.count()) return true;
    await page.reload();
    return undefined;
  });
  assert.equal(await row.count(), 1, 'one case');
  return row;
}

for (const locale of ['sv', 'en'] as const) {
  describe(`channels in ${locale === 'sv' ? 'Swedish' : 'English'}`, () => {
    test('a SIENA message from the drop folder reaches the queue; a follow-up joins it; the answer leaves in SIENA format', async () => {
      const ref = `DE-BKA-2026-${locale}-1`;
      const caseRef = `SIENA-CASE-${locale}`;
      const from = { country: 'DE', authority: 'BKA SPOC', officer: 'K. Schmidt' };
      const to = { country: 'SE', authority: 'Polismyndigheten SPOC' };
      drop(`${locale}-request.json`, toSienaWire(requestMessage({
        reference: ref, caseReference: caseRef, sentAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), from, to, subject: TEXT[locale].subject,
      })));
      await until('request taken in', processed(`${locale}-request.json`));

      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, OFFICER.username, locale, OFFICER.password);
        const row = await openFromQueue(page, TEXT[locale].subject);
        const countdown = row.getByTestId('countdown');
        assert.equal(await countdown.getAttribute('data-state') !== 'none', true, 'it has a deadline');
        // Urgent and directly accessible: 8 hours from receipt (Art 5(1)(a)).
        assert.match(await countdown.innerText(), /7\s*h|8\s*h/);
        assert.deepEqual(await seriousViolations(page), [], 'queue with the dropped request');

        drop(`${locale}-followup.json`, toSienaWire(requestMessage({
          kind: 'information', reference: `${ref}-2`, caseReference: caseRef, sentAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), from, to,
          subject: TEXT[locale].subject, body: TEXT[locale].followUp, urgent: false, urgencyReason: null, access: null, informationSought: null,
          purpose: null, persons: [], items: [],
        })));
        await until('follow-up taken in', processed(`${locale}-followup.json`));
        const again = await openFromQueue(page, TEXT[locale].subject);
        await again.click();
        await page.waitForURL(/\/desk\/requests\/[0-9a-f-]{36}$/);
        await page.getByText(TEXT[locale].followUp).waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'detail with the follow-up');

        // A person learnt of later is added to the case.
        await page.getByTestId('action-add_person').click();
        await page.fill('#f-persons-0-fullName', 'Jan Kowalski');
        assert.deepEqual(await seriousViolations(page), [], 'add-person dialog');
        await page.selectOption('#f-persons-0-category', 'suspect');
        await page.getByTestId('add-person-submit').click();
        await until('two persons', async () => ((await page.locator('#persons-title').innerText()).includes('2') ? true : undefined));

        await page.getByTestId('action-start').click();
        await page.getByTestId('action-submit').click();
        await page.getByTestId('action-answer').waitFor();
        await page.getByTestId('action-answer').click();
        await page.fill('#f-body', TEXT[locale].answer);
        await page.getByTestId('action-submit').click();
        await page.getByText(TEXT[locale].answered, { exact: true }).first().waitFor();

        const outbound = path.join(dropDir, 'outbound', 'siena');
        const answer = await until('the answer in the outbound folder', () => {
          const files = fs.existsSync(outbound) ? fs.readdirSync(outbound).filter((f) => f.endsWith('.json')) : [];
          const docs = files.map((f) => JSON.parse(fs.readFileSync(path.join(outbound, f), 'utf8')));
          return docs.find((d) => d.wire.replyTo === ref);
        });
        assert.equal(answer.format, 'polsam.siena/1');
        assert.equal(answer.wire.messageType, 'answer');
        assert.equal(answer.wire.caseRef, caseRef);
        assert.equal(answer.wire.body, TEXT[locale].answer);
      } finally {
        await context.close();
      }
    });

    test('an outgoing draft is edited before it is sent', async () => {
      const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, OFFICER.username, locale, OFFICER.password);
        await page.goto(`${server.url}/desk/requests/new?direction=outgoing`);
        await page.selectOption('#f-countryCode', 'NL');
        await page.fill('#f-counterpartAuthority', 'Politie SPOC');
        await page.selectOption('#f-access', 'indirect');
        await page.fill('#f-subject', TEXT[locale].draft);
        await page.fill('#f-informationSought', 'Registered owner of NL-12-AB.');
        await page.fill('#f-purpose', 'Hit-and-run investigation.');
        await page.getByTestId('submit').click();
        await page.waitForURL(/\/desk\/requests\/[0-9a-f-]{36}$/);
        await page.getByTestId('action-edit').click();
        await page.waitForURL(/\/edit$/);
        await page.locator('#f-subject').waitFor();
        await until('the draft loaded', async () => ((await page.inputValue('#f-subject')) === TEXT[locale].draft ? true : undefined));
        assert.deepEqual(await seriousViolations(page), [], 'edit form');
        await page.fill('#f-subject', TEXT[locale].edited);
        await page.getByTestId('submit').click();
        await page.waitForURL(/\/desk\/requests\/[0-9a-f-]{36}$/);
        await page.getByRole('heading', { level: 1 }).filter({ hasText: TEXT[locale].edited }).waitFor();
      } finally {
        await context.close();
      }
    });
  });
}
