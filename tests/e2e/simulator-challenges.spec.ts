import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { checkA11y, signUp, snap } from './helpers';

const step = (page: Page) => page.getByRole('button', { name: 'Step', exact: true });

/** Presses Step n times, waiting each time for the step counter to move on. */
async function steps(page: Page, n: number) {
  const clock = page.getByTestId('sim-clock');
  for (let i = 0; i < n; i++) {
    const k = Number(/Step (\d+)/.exec((await clock.textContent()) ?? '')?.[1] ?? 0);
    await step(page).click();
    await expect(clock).toContainText(`Step ${k + 1} `);
  }
}

async function queueRetriesOff(page: Page, service: string) {
  await page.getByLabel('Action').selectOption('set-retries');
  await page.getByLabel('Service', { exact: true }).selectOption(service);
  await page.getByLabel('Retry attempts').fill('0');
  await page.getByRole('button', { name: 'Add to the queue' }).click();
}

test('challenge: a failed check explains the condition, a fixed run passes and is stored', async ({
  page,
}) => {
  await signUp(page);
  await page.goto('/simulator/challenges');
  await expect(page.getByRole('heading', { name: 'Simulator challenges' })).toBeVisible();
  await expect(page.getByTestId('challenge-list').locator('li')).toHaveCount(8);
  await checkA11y(page, '/simulator/challenges');
  await page.getByRole('link', { name: 'Stop the retry storm' }).click();
  await expect(page.getByRole('heading', { name: 'Stop the retry storm', level: 1 })).toBeVisible();

  // The situation alone: three steps, then check → not passed, with the failing number.
  await steps(page, 3);
  const verdict = page.getByTestId('challenge-verdict');
  await page.getByRole('button', { name: 'Check my run' }).click();
  await expect(verdict).toContainText('Not yet', { timeout: 20_000 });
  await expect(verdict).toContainText(/Attempts per request at inventory-svc is 2\d\.\d+×/);
  await checkA11y(page, 'challenge page with a failed verdict');

  // Retry at one layer only, then let it settle.
  await queueRetriesOff(page, 'payments-svc');
  await queueRetriesOff(page, 'profile-svc');
  await steps(page, 3);
  // Checking did not restart the run (the page re-rendered on the server in between).
  await expect(page.getByTestId('sim-clock')).toContainText('Step 6 ');
  await page.getByRole('button', { name: 'Check my run' }).click();
  await expect(verdict).toContainText('Passed: every condition holds.', { timeout: 20_000 });
  await snap(page, 'challenge-passed');

  await page.reload();
  await expect(page.getByTestId('challenge-results').locator('li')).toHaveCount(2);
  await page.goto('/simulator/challenges');
  await expect(page.getByTestId('challenge-status-stop-the-retry-storm')).toHaveText('Passed');
});

test('topology at 360 px: vertical layout, readable text, no sideways scroll, keyboard nodes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/simulator?preset=retry-storm');
  const topo = page.getByTestId('sim-topology');
  await expect(topo).toHaveAttribute('data-direction', 'vertical');
  // Every label renders at ≥ 12 CSS px (the SVG is drawn in real pixels, not scaled down).
  const heights = await topo
    .locator('text')
    .evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(5);
  expect(Math.min(...heights.filter((h) => h > 0))).toBeGreaterThanOrEqual(12);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(360);
  await steps(page, 1);
  await expect(topo.locator('text', { hasText: /p99 .* ·/ }).first()).toBeVisible();
  // Nodes are buttons: focus one and press Enter to open its details.
  const node = topo.getByRole('button', { name: /^inventory-svc/ });
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'inventory-svc', level: 3 })).toBeVisible();
  await snap(page, 'topology-360');
  await checkA11y(page, '/simulator at 360 px');
});

test('current-window numbers change after an intent; since-start lags behind', async ({ page }) => {
  await page.goto('/simulator');
  const encrypted = page.getByTestId('sim-encrypted');
  await steps(page, 2);
  await expect(encrypted).toHaveText('0.0%');
  await page.getByLabel('Action').selectOption('set-data-plane');
  await page.getByRole('button', { name: 'Add to the queue' }).click();
  await steps(page, 2);
  await expect(page.getByTestId('sim-scope')).toContainText('last step');
  await expect(encrypted).toHaveText('100.0%');
  // A chart marks when the switch reached the proxies.
  await expect(
    page.getByRole('img', { name: /Latency p50 \/ p99 .* Marked: #1 at/ }),
  ).toBeVisible();
  await page.getByLabel('Since start').check();
  await expect(page.getByTestId('sim-scope')).toContainText('since the start');
  const total = Number((await encrypted.textContent())!.replace('%', ''));
  expect(total).toBeGreaterThan(20);
  expect(total).toBeLessThan(60);
  // Percent fields accept decimals.
  await page.getByLabel('Action').selectOption('set-failure');
  await page.getByLabel('Failure percent').fill('0.3');
  await page.getByRole('button', { name: 'Add to the queue' }).click();
  await expect(page.getByTestId('sim-queue').locator('li')).toHaveCount(1);
  await page.getByLabel('Failure percent').fill('150');
  await page.getByRole('button', { name: 'Add to the queue' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Failure percent must be at most 100.' }),
  ).toBeVisible();

  // A step that outgrows its event budget stops with a clear message (the page stays usable).
  await page.getByLabel('Action').selectOption('set-rate');
  await page
    .getByRole('form', { name: 'Add an intent' })
    .getByLabel('Requests per second')
    .fill('1000000');
  await page.getByRole('button', { name: 'Add to the queue' }).click();
  await steps(page, 1); // takes the 0.3 % failure
  // The rate change queues work without end: the run stops at the pending-event cap.
  await step(page).click();
  await expect(page.getByTestId('sim-error')).toContainText(
    /more than 4,194,304 events are pending at once/,
    { timeout: 60_000 },
  );
  await expect(step(page)).toBeEnabled();
});
