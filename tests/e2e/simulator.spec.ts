import { expect, test } from '@playwright/test';
import { checkA11y, signUp, snap } from './helpers';

test('simulator: preset, three steps with decisions, auto, charts, share link, accessibility', async ({
  page,
}) => {
  await page.goto('/simulator?preset=retry-storm');
  await expect(page.getByRole('heading', { name: 'Retry storm on a failing leaf' })).toBeVisible();
  const queue = page.getByTestId('sim-queue');
  await expect(queue.locator('li')).toHaveCount(4);

  const step = page.getByRole('button', { name: 'Step', exact: true });
  const last = page.getByTestId('sim-last-decision');
  const clock = page.getByTestId('sim-clock');
  const expected = [
    'inventory-svc fails 100%',
    '2 retries to inventory-svc on 5xx, with budget',
    '2 retries to profile-svc on 5xx, with budget',
  ];
  for (const [i, text] of expected.entries()) {
    await step.click();
    await expect(clock).toContainText(`Step ${i + 1} `);
    await expect(last).toContainText(text);
    await expect(last).toContainText('Predicted:');
  }
  await expect(last).toContainText('Why:');
  await expect(queue.locator('li')).toHaveCount(1);
  await page.getByText(/Decision log \(3\)/).click();
  await expect(page.getByTestId('sim-decision-log').locator('li')).toHaveCount(3);

  // The chart tables change as Auto runs more steps.
  const latencyTable = page.getByText(/Latency p50 \/ p99 as a table/);
  await latencyTable.click();
  const rowsBefore = await page
    .locator('table')
    .filter({ hasText: 'Sim time' })
    .first()
    .locator('tbody tr')
    .count();
  const p99Before = await page.getByTestId('sim-p99').textContent();
  await page.getByRole('button', { name: 'Auto' }).click();
  await expect(clock).toContainText(/Step (5|6|7|8|9)/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('sim-queue-empty')).toHaveText('Waiting for next intent');
  await expect(step).toBeEnabled();
  const rowsAfter = await page
    .locator('table')
    .filter({ hasText: 'Sim time' })
    .first()
    .locator('tbody tr')
    .count();
  expect(rowsAfter).toBeGreaterThanOrEqual(rowsBefore);
  await expect(page.getByTestId('sim-p99')).not.toHaveText(p99Before ?? '');

  // A share link replays the same run: same step, same numbers.
  const clockText = await clock.textContent();
  const p99 = await page.getByTestId('sim-p99').textContent();
  const errors = await page.getByTestId('sim-error-rate').textContent();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const href = await page.getByTestId('sim-share-link').getAttribute('href');
  expect(href).toContain('seed=');
  await snap(page, 'simulator-retry-storm');
  await checkA11y(page, '/simulator after steps');

  await page.goto(href!);
  await expect(clock).toHaveText(clockText ?? '');
  await expect(page.getByTestId('sim-p99')).toHaveText(p99 ?? '');
  await expect(page.getByTestId('sim-error-rate')).toHaveText(errors ?? '');
});

test('simulator: free play works anonymously and a bad share link is reported', async ({
  page,
}) => {
  await page.goto('/simulator');
  await expect(page.getByTestId('sim-queue-empty')).toHaveText('Waiting for next intent');
  await page.getByLabel('Action').selectOption('set-data-plane');
  await page.getByRole('button', { name: 'Add to the queue' }).click();
  await expect(page.getByTestId('sim-queue').locator('li')).toHaveCount(1);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('sim-last-decision')).toContainText('Data plane → ambient');
  await checkA11y(page, '/simulator free play');

  // Compare mode runs the same seed and intents on another data plane, side by side.
  await page.getByLabel('Compare with').selectOption('linkerd');
  const compare = page.getByRole('table', { name: /compared with Linkerd sidecar/ });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('row', { name: /Proxy vCPU/ })).toBeVisible();

  // Request dots move only while time runs (Auto), and never when the OS asks for reduced motion.
  await expect(page.locator('svg animateMotion')).toHaveCount(0);
  await page.getByRole('button', { name: 'Auto', exact: true }).click();
  await expect.poll(() => page.locator('svg animateMotion').count()).toBeGreaterThan(0);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(page.locator('svg animateMotion')).toHaveCount(0);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.locator('svg animateMotion')).toHaveCount(0);

  await page.goto('/simulator?c=not-base64!!&seed=1');
  await expect(page.getByTestId('sim-problem')).toContainText(/shared/i);
});

test('simulator: a signed-in learner saves a run and reopens it', async ({ page }) => {
  await signUp(page);
  await page.goto('/simulator?preset=canary-bad-v2');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('sim-clock')).toContainText('Step 1 ');
  await page.getByLabel('Run name').fill('canary at 10%');
  await page.getByRole('button', { name: 'Save run' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  const saved = page.getByRole('region', { name: 'Your saved runs' });
  await saved.getByRole('link', { name: 'canary at 10%' }).click();
  await expect(page.getByTestId('sim-clock')).toContainText('Step 1 ');
  await expect(page.getByTestId('sim-last-decision')).toContainText(
    'Shift 10% of payments-svc to v2',
  );
});
