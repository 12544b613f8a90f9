import { expect, test } from '@playwright/test';
import { checkA11y, signUp, snap } from './helpers';

// A full keyboard-only review session on the real deck: reveal with Space/Enter, grade with
// number keys, undo with `u`, then the stats page shows the reviews (the undone one excluded).

test('a learner reviews with the keyboard only, undoes a grade, and sees it in stats', async ({
  page,
}) => {
  await signUp(page);
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  const card = page.getByTestId('review-card');
  const announcer = page.getByTestId('review-announcer');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('review-progress')).toContainText('0 done');
  await checkA11y(page, 'review (question)');
  await snap(page, 'review-question');

  // Card 1: Space reveals; the answer is announced and focus lands on Good.
  const first = await card.getAttribute('data-card-id');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('review-answer')).toBeVisible();
  await expect(announcer).toContainText('Answer:');
  await expect(page.getByTestId('grade-3')).toBeFocused();
  for (const grade of [1, 2, 3, 4]) {
    await expect(page.getByTestId(`grade-${grade}`)).toContainText(/\d+(m|h|d|mo|y)|<1m/);
  }
  await checkA11y(page, 'review (answer)');
  await snap(page, 'review-answer');
  await page.keyboard.press('3');

  // Card 2: Enter reveals, 1 = Again.
  await expect(card).not.toHaveAttribute('data-card-id', first!);
  await expect(page.getByTestId('review-progress')).toContainText('1 done');
  const second = await card.getAttribute('data-card-id');
  await expect(page.getByTestId('reveal')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-answer')).toBeVisible();
  await page.keyboard.press('1');
  await expect(card).not.toHaveAttribute('data-card-id', second!);
  await expect(page.getByTestId('review-progress')).toContainText('2 done');

  // `u` undoes the Again: card 2 comes back as a new card.
  await page.keyboard.press('u');
  await expect(announcer).toContainText('Undid Again');
  await expect(card).toHaveAttribute('data-card-id', second!);
  await expect(page.getByTestId('review-progress')).toContainText('1 done');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('review-answer')).toBeVisible();
  await page.keyboard.press('4');
  await expect(card).not.toHaveAttribute('data-card-id', second!);
  await expect(page.getByTestId('review-progress')).toContainText('2 done');

  // Two-button mode via the keyboard: from the focused "Show answer" button, Shift+Tab back
  // past Undo to the checkbox, Space toggles it, Tab twice returns to "Show answer".
  await expect(page.getByTestId('reveal')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  const toggle = page.getByRole('checkbox', { name: 'Two buttons (Again / Good)' });
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('reveal')).toBeFocused();
  const third = await card.getAttribute('data-card-id');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grade-2')).toHaveCount(0);
  await expect(page.getByTestId('grade-4')).toHaveCount(0);
  await expect(page.getByTestId('grade-1')).toBeVisible();
  await expect(page.getByTestId('grade-3')).toBeFocused();
  await page.keyboard.press('3');
  await expect(card).not.toHaveAttribute('data-card-id', third!);
  await expect(page.getByTestId('review-progress')).toContainText('3 done');

  // Stats show the three recorded reviews (the undone one does not count).
  await page.goto('/review/stats');
  await expect(page.getByRole('heading', { level: 1, name: 'Review stats' })).toBeVisible();
  await expect(page.getByTestId('stat-reviews-today')).toHaveText('3');
  await expect(page.getByTestId('stat-streak')).toContainText('1 day');
  await expect(
    page.getByRole('img', { name: /Cards by state: New \d+, Learning 2, Review 1, Relearning 0/ }),
  ).toBeVisible();
  await page.getByText('Cards by state as a table').click();
  await expect(page.getByRole('row', { name: /Learning 2/ })).toBeVisible();
  await checkA11y(page, 'review stats');
  await snap(page, 'review-stats');

  // Exports answer with files for the signed-in user.
  const anki = await page.request.get('/review/export/anki');
  expect(anki.status()).toBe(200);
  expect(await anki.text()).toMatch(/^#separator:tab\n/);
  const history = await page.request.get('/review/export/history-csv');
  expect((await history.text()).trim().split('\r\n')).toHaveLength(5);

  // Settings: reject an out-of-range retention, then save a valid one.
  await page.goto('/review/settings');
  await checkA11y(page, 'review settings');
  const retention = page.getByLabel('Desired retention');
  await retention.fill('0.99');
  await retention.press('Enter');
  await expect(page.getByText('Desired retention must be at most 0.97')).toBeVisible();
  await expect(retention).toHaveAttribute('aria-invalid', 'true');
  await expect(retention).toHaveValue('0.99');
  await retention.fill('0.93');
  await retention.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(retention).toHaveValue('0.93');
  await page.reload();
  await expect(page.getByLabel('Desired retention')).toHaveValue('0.93');
  await checkA11y(page, 'review settings (saved)');
  await snap(page, 'review-settings');

  // An interview date makes the review page show the plan before that day.
  const interviewDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Interview date (optional)').fill(interviewDay);
  await page.getByLabel('Interview date (optional)').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.goto('/review');
  await expect(page.getByTestId('interview-plan')).toContainText(
    /Interview in (29|30) days: \d+ cards are not yet stable/,
  );
  await expect(page.getByTestId('interview-plan')).toContainText(/about \d+ reviews remain/);
});

test('export routes refuse a signed-out request', async ({ request }) => {
  const response = await request.get('/review/export/deck-csv');
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: 'Sign in to export your data.' });
});
