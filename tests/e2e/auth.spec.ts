import { expect, test } from '@playwright/test';
import { DEMO, checkA11y, signIn, signUp, snap } from './helpers';

test('landing page explains the product and starts learning without an account', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('service mesh');
  await expect(page.getByRole('link', { name: /Start learning/ })).toHaveAttribute(
    'href',
    '/lessons',
  );
  await checkA11y(page, 'landing');
  await snap(page, 'landing');
});

test('sign up, see the dashboard, sign out, sign in again', async ({ page }) => {
  await page.goto('/sign-up');
  await checkA11y(page, 'sign-up');
  const account = await signUp(page, { name: 'Ada Mesh' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Ada Mesh');
  await expect(page.getByTestId('lessons-dashboard-card')).toBeVisible();
  await expect(page.getByTestId('flashcards-dashboard-card')).toBeVisible();
  await expect(page.getByTestId('scenarios-dashboard-card')).toBeVisible();
  await expect(page.getByTestId('simulator-dashboard-card')).toBeVisible();
  for (const area of ['interviews', 'teams']) {
    await expect(page.getByTestId(`area-${area}`)).toBeVisible();
  }
  await checkA11y(page, 'dashboard');
  await snap(page, 'dashboard');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, account.email, account.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Ada Mesh');
});

test('sign-up shows field errors, moves focus to them, and never says an email exists', async ({
  page,
}) => {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('X');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter at least 2 characters.')).toBeVisible();
  await expect(page.getByText('Enter a valid email address, like name@example.com.')).toBeVisible();
  await expect(page.getByText(/Use at least 10 characters/)).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  // Focus moves to the error summary, whose links lead to each field.
  await expect(page.getByTestId('form-error')).toBeFocused();
  await page.getByTestId('form-error').getByRole('link', { name: 'Email' }).click();
  await expect(page).toHaveURL(/#email$/);
  await expect(page.getByRole('link', { name: 'Sign in instead' })).toHaveAttribute(
    'href',
    '/sign-in',
  );
  await checkA11y(page, 'sign-up with errors');
  await snap(page, 'sign-up-errors');

  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill('another-pass-42');
  await page.getByRole('button', { name: 'Create account' }).click();
  // Same path as a new account whose automatic sign-in failed: no "already exists" anywhere.
  await page.waitForURL('**/sign-in?notice=signup-existing');
  await expect(page.getByTestId('sign-in-notice')).toContainText('If you already have an account');
  await expect(page.getByText('already exists')).toHaveCount(0);
  await checkA11y(page, 'sign-in after duplicate sign-up');
});

test('bad credentials give a clear error; the demo account signs in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill('wrong-password-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Incorrect email or password.');
  await expect(page).toHaveURL(/\/sign-in/);
  await checkA11y(page, 'sign-in with error');
  await snap(page, 'sign-in-error');

  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome back, ${DEMO.name}`);
});

test('repeated failures are throttled with a "try again in N s" message', async ({ page }) => {
  const account = await signUp(page, { name: 'Throttle Test' });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto('/sign-in');
  for (let i = 0; i < 5; i += 1) {
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(`wrong-password-${i}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('form-error')).toBeVisible();
  }
  await expect(page.getByTestId('form-error')).toHaveText(/Try again in \d+ s\./);
});

test('theme toggle switches to dark mode and the page stays accessible at 360 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const toggle = page.getByTestId('theme-toggle');
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(page.locator('html')).toHaveClass(/dark/);
  await checkA11y(page, 'landing dark 360px');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(page, 'landing-dark-360');
  // Search stays reachable on small screens, where the header's search box is hidden.
  await page.getByRole('link', { name: 'Search lessons and glossary' }).click();
  await expect(page).toHaveURL(/\/search/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('unknown pages and malformed auth requests never answer 500', async ({ page, request }) => {
  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkA11y(page, 'not found');
  const bad = await request.post('/api/auth/callback/credentials', {
    form: { email: '', password: '' },
  });
  expect(bad.status()).toBeLessThan(500);
  const weird = await request.get('/sign-in?callbackUrl=https://evil.example&error=%00%FF');
  expect(weird.status()).toBe(200);
});
