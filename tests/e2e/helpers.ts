import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO = {
  email: 'demo@meshdojo.dev',
  password: 'mesh-dojo-demo-1',
  name: 'Demo Learner',
} as const;

let counter = 0;

/** Creates a fresh account through the sign-up form and waits for the dashboard. */
export async function signUp(
  page: Page,
  {
    name = 'E2E Learner',
    email,
    password = 'practice-mesh-77',
  }: { name?: string; email?: string; password?: string } = {},
): Promise<{ name: string; email: string; password: string }> {
  counter += 1;
  const address = email ?? `e2e-${Date.now()}-${counter}@example.test`;
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(address);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/dashboard');
  return { name, email: address, password };
}

/** Signs in through the form and waits for the dashboard. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/dashboard');
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page and asserts zero violations. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // Next streams a dynamic page's metadata, and after a client-side navigation the <title>
  // lands a moment after the content: give it that moment. A page without a title still fails
  // below (axe's document-title rule), only later.
  await page
    .waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Full-page screenshot kept as an artifact under test-results/screenshots/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
