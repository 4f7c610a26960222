/** Browser-test support: a real Polsam server process on a free port, and Debian's Chromium via Playwright. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { generate as generateTotp } from 'otplib';

export const DEMO_PASSWORD = 'polsam-demo-2026';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface Server { url: string; dataDir: string; proc: ChildProcess; output: () => string; stop(): Promise<void> }

/** The administrator's one-time password the server printed at first start. */
export function firstStartAdmin(server: Server): { username: string; password: string } {
  const m = /administrator "([^"]+)" with password "([^"]+)"/.exec(server.output());
  if (!m) throw new Error(`no first-start administrator in the output:\n${server.output()}`);
  return { username: m[1], password: m[2] };
}

const adminPasswords = new WeakMap<Server, string>();

/**
 * A signed-in administrator session: the first-start password is temporary, so the first call replaces it
 * (as the administrator must) and later calls sign in with the new one.
 */
export async function adminSession(server: Server): Promise<{ cookie: string; csrfToken: string }> {
  const admin = firstStartAdmin(server);
  const password = adminPasswords.get(server) ?? admin.password;
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: admin.username, password }) });
  if (login.status !== 200) throw new Error(`admin login failed: ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { mustChangePassword: boolean } };
  if (user.mustChangePassword) {
    const next = `e2e-first-start-${Math.random().toString(36).slice(2)}-pw`;
    const res = await fetch(`${server.url}/api/auth/password`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ currentPassword: password, newPassword: next }),
    });
    if (res.status !== 204) throw new Error(`admin password change failed: ${await res.text()}`);
    adminPasswords.set(server, next);
    return adminSession(server);
  }
  return { cookie, csrfToken };
}

/** Creates an account through the administrator API (sign in, POST /api/admin/users). */
export async function createAccount(server: Server, user: { username: string; password: string; roles: string[]; unitCode?: string; mustChangePassword?: boolean }): Promise<void> {
  const { cookie, csrfToken } = await adminSession(server);
  const res = await fetch(`${server.url}/api/admin/users`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    // A permanent password, so the browser test signs in straight to the desk.
    body: JSON.stringify({ displayName: user.username, unitCode: 'SPOC', locale: 'sv', mustChangePassword: false, ...user }),
  });
  if (res.status !== 201) throw new Error(`creating ${user.username} failed: ${await res.text()}`);
}

/** Starts `src/server/main.ts` as its own process with demo data in a fresh data folder. */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-e2e-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn', JOB_POLL_MS: '500', DATABASE_URL: '', MFA_REQUIRED_ROLES: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
    const check = setInterval(() => {
      if (out.includes('Polsam is running')) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
  });
  return {
    url, dataDir, proc, output: () => out,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium headless with a fresh profile (flags per the team's STYLE). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serious or critical accessibility violations on the page, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Signs in through the login page in the given language. */
export async function signIn(page: Page, base: string, username: string, locale: 'sv' | 'en', password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId(`lang-${locale}`).click();
  await page.locator('#f-username, input[name="username"]').first().fill(username);
  await page.locator('#f-password, input[name="password"]').first().fill(password);
  await page.getByTestId('submit').click();
  // The desk, or first the password page (temporary password) or the second-factor page (required, not set up).
  await page.waitForURL(/\/(desk|account\/password|account\/second-factor)/);
}

/**
 * Signs in with password and one-time code. The code is the next time step's (the server allows one step of
 * drift), so a code used a moment ago in the same step is not replayed.
 */
export async function signInWithCode(page: Page, base: string, username: string, locale: 'sv' | 'en', password: string, secret: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId(`lang-${locale}`).click();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId('submit').click();
  await page.locator('input[name="totp"]').fill(await generateTotp({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByTestId('submit').click();
  await page.waitForURL(/\/desk/);
}

/** Sets up an authenticator on the second-factor page as a user would; returns the secret the page showed. */
export async function enrolSecondFactor(page: Page, password: string, locale: 'sv' | 'en'): Promise<string> {
  await page.waitForURL(/\/account\/second-factor/);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: locale === 'sv' ? 'Fortsätt' : 'Continue' }).click();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await page.getByLabel(locale === 'sv' ? 'Engångskod från appen' : 'One-time code from the app').fill(await generateTotp({ secret }));
  // Sent here by the guard (a `next` to go on to), the page moves on by itself once the factor is on.
  const forced = new URL(page.url()).searchParams.has('next');
  await page.getByRole('button', { name: locale === 'sv' ? 'Slå på' : 'Turn on' }).click();
  await page.getByTestId('factor-confirm').waitFor({ state: 'detached' });
  if (forced) await page.waitForURL((u) => !u.pathname.startsWith('/account/second-factor'));
  return secret;
}

/** Polls `fn` until it returns a value (not undefined), or fails with the label after `ms`. */
export async function until<T>(label: string, fn: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out: ${label}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
