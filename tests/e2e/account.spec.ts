import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO, checkA11y, signIn, signUp, snap } from './helpers';

/** A second browser that carries a copy of the first one's cookies (a stolen or shared cookie). */
async function copyOfSession(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(await page.context().cookies());
  return context.newPage();
}

test('protected pages send visitors to sign-in with a reason, and come back after', async ({
  page,
}) => {
  await page.goto('/review/stats');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freview%2Fstats$/);
  await expect(page.getByTestId('sign-in-reason')).toHaveText('Sign in to review your cards.');
  await checkA11y(page, 'sign-in with a reason');
  await snap(page, 'sign-in-reason');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/review/stats');

  await page.context().clearCookies();
  await page.goto('/account');
  await expect(page.getByTestId('sign-in-reason')).toHaveText('Sign in to manage your account.');
  // A hostile return address is dropped, not followed.
  await page.goto('/sign-in?callbackUrl=http%3A%2F%2Fa%3Ab%2F');
  await expect(page.getByTestId('sign-in-reason')).toHaveCount(0);
});

test('signing out revokes the session: a cookie copied before stops working', async ({
  page,
  browser,
}) => {
  await signUp(page, { name: 'Copy Cat' });
  const thief = await copyOfSession(browser, page);
  await thief.goto('/dashboard');
  await expect(thief.getByRole('heading', { level: 1 })).toContainText('Copy Cat');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await thief.goto('/dashboard');
  await expect(thief).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  await thief.context().close();
});

test('account page: rename, sessions, sign out everywhere, export', async ({ page, browser }) => {
  const account = await signUp(page, { name: 'Account Owner' });
  const laptop = await browser.newContext();
  const other = await laptop.newPage();
  await signIn(other, account.email, account.password);

  await page.goto('/account');
  await expect(page.getByTestId('account-email')).toHaveText(account.email);
  await expect(page.getByTestId('session-list').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('session-list')).toContainText('(this browser)');
  await checkA11y(page, 'account page');
  await snap(page, 'account');

  await page.getByLabel('Name').fill('Renamed \u202Eowner');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Remove the text-direction control characters.')).toBeVisible();
  await page.getByLabel('Name').fill('Renamed Owner');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Name saved.' })).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download all my data (JSON)' }).click();
  const download = await downloadPromise;
  const data = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
    format: string;
    profile: { email: string; name: string };
    sessions: unknown[];
  };
  expect(data.format).toBe('mesh-dojo-account-export');
  expect(data.profile).toMatchObject({ email: account.email, name: 'Renamed Owner' });
  expect(JSON.stringify(data)).not.toContain('scrypt$');

  await page.getByRole('button', { name: /Sign out everywhere/ }).click();
  await page.waitForURL('**/sign-in?notice=signed-out-everywhere');
  await expect(page.getByTestId('sign-in-notice')).toContainText('signed out on every device');
  await other.goto('/review');
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=%2Freview/);
  await laptop.close();
});

test('change password ends every session; the new password works, the old does not', async ({
  page,
}) => {
  const account = await signUp(page, { name: 'Password Changer' });
  await page.goto('/account');
  await page.getByLabel('Current password').fill('not-my-password-1');
  await page.getByLabel('New password').fill('fresh-password-88');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your current password is not correct.').first()).toBeVisible();

  await page.getByLabel('Current password').fill(account.password);
  await page.getByLabel('New password').fill('fresh-password-88');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL('**/sign-in?notice=password-changed');
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Incorrect email or password.');
  await signIn(page, account.email, 'fresh-password-88');
});

test('delete account needs the password and removes the account', async ({ page }) => {
  const account = await signUp(page, { name: 'Leaving Soon' });
  await page.goto('/account');
  await page.getByLabel('Confirm with your password').fill('wrong-password-12');
  await page.getByRole('button', { name: 'Delete my account and all its data' }).click();
  await expect(
    page.getByText('That password is not correct. Nothing was deleted.').first(),
  ).toBeVisible();
  await page.getByLabel('Confirm with your password').fill(account.password);
  await page.getByRole('button', { name: 'Delete my account and all its data' }).click();
  await page.waitForURL('**/sign-in?notice=account-deleted');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Incorrect email or password.');
});

test('without SMTP the forgot-password page names the admin command; the demo is labelled', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByTestId('demo-hint')).toContainText('MESH_DOJO_PRODUCTION=1');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByTestId('reset-unavailable')).toContainText('npm run user:reset-password');
  await checkA11y(page, 'forgot password');
  await page.goto('/reset-password?token=short');
  await expect(page.getByText('This reset link is incomplete.')).toBeVisible();
});

test('security headers: CSP by hash on static pages, by nonce on dynamic ones, no violations', async ({
  page,
  request,
}) => {
  const lesson = await request.get('/lessons/why-service-mesh');
  const staticPolicy = lesson.headers()['content-security-policy'] ?? '';
  expect(staticPolicy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  const signInPage = await request.get('/sign-in');
  const dynamicPolicy = signInPage.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(dynamicPolicy)?.[1];
  expect(nonce).toBeTruthy();
  expect(await signInPage.text()).toContain(`nonce="${nonce}"`);
  const again = (await request.get('/sign-in')).headers()['content-security-policy'];
  expect(again).not.toBe(dynamicPolicy);
  for (const policy of [staticPolicy, dynamicPolicy]) {
    expect(policy.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe');
    expect(policy).toContain("frame-ancestors 'none'");
  }
  expect(signInPage.headers()['permissions-policy']).toContain('camera=()');
  // Plain HTTP on loopback: no HSTS (it is sent when a trusted proxy reports HTTPS).
  expect(signInPage.headers()['strict-transport-security']).toBeUndefined();
  // A client cannot claim HTTPS or another host by itself.
  const spoofed = await request.get('/api/auth/providers', {
    headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
  });
  expect(await spoofed.text()).not.toContain('evil.example');
  expect(spoofed.headers()['strict-transport-security']).toBeUndefined();

  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  for (const path of ['/', '/lessons/why-service-mesh', '/glossary', '/sign-in', '/no-such-page']) {
    await page.goto(path);
  }
  // Scripts run under the policy: the sign-in form works client-side.
  await signIn(page, DEMO.email, DEMO.password);
  for (const path of ['/review', '/scenarios', '/simulator', '/account']) await page.goto(path);
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});
