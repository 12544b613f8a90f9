import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readScenarioDir } from '../../lib/content/scenario-pack';
import type { Scenario } from '../../lib/content/scenario-schema';
import { checkA11y, signUp, snap } from './helpers';

// Two people in two browser contexts: a manager onboards a team from a template, a member
// joins by link and works through the first items; the manager watches it happen.

const TEMPLATE = 'Platform team: mesh onboarding, 2 weeks';
let scenario: Scenario;
test.beforeAll(async () => {
  const { scenarios } = await readScenarioDir(
    path.resolve(import.meta.dirname, '../../content/service-mesh/scenarios'),
  );
  scenario = scenarios.find((s) => s.id === 'justify-three-service-startup')!;
});

async function itemStatus(page: Page, position: number) {
  return page
    .getByTestId(`my-item-${position}`)
    .locator('[data-status]')
    .getAttribute('data-status');
}

test('manager onboards a team from a template to a CSV export; member finishes assigned items', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const managerContext = await browser.newContext();
  const memberContext = await browser.newContext();
  const manager = await managerContext.newPage();
  const member = await memberContext.newPage();

  // Manager: create the team from a template.
  await signUp(manager, { name: 'Mia Manager' });
  await manager
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Teams' })
    .click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
  await checkA11y(manager, 'teams page');
  await manager.getByLabel('Team name').fill('Mesh platform');
  await manager.getByLabel('Start with a track template').selectOption({ label: TEMPLATE });
  await manager.getByRole('button', { name: 'Create team' }).click();
  await manager.waitForURL(/\/teams\/[^/]+$/);
  const teamUrl = manager.url();
  await expect(manager.getByRole('heading', { level: 1, name: 'Mesh platform' })).toBeVisible();
  await expect(manager.getByRole('heading', { name: TEMPLATE })).toBeVisible();
  await checkA11y(manager, 'team dashboard (empty)');

  // Invite by link.
  await manager
    .getByRole('navigation', { name: 'Team' })
    .getByRole('link', { name: 'Invite' })
    .click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(
    'Invite people to Mesh platform',
  );
  await manager.getByLabel('Maximum uses').fill('3');
  await manager.getByRole('button', { name: 'Create link' }).click();
  const link = await manager.getByTestId('one-time-link').inputValue();
  expect(link).toMatch(/\/teams\/join\/[A-Za-z0-9_-]{43}$/);
  await checkA11y(manager, 'invite page');
  await snap(manager, 'teams-invite');

  // Member: sign up, open the link, accept.
  await signUp(member, { name: 'Sam Member' });
  await member.goto(link);
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Join Mesh platform');
  await checkA11y(member, 'join page');
  await member.getByRole('button', { name: 'Accept and join' }).click();
  await member.waitForURL(teamUrl);
  // A member sees the aggregate and their own row only.
  await expect(member.getByText('Your role: member')).toBeVisible();
  await expect(member.getByRole('link', { name: 'Download progress CSV' })).toHaveCount(0);

  // My tracks: items in order, with a new-assignment notification.
  await member
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'My tracks' })
    .click();
  await expect(member.getByRole('heading', { level: 1, name: 'My tracks' })).toBeVisible();
  await expect(member.getByTestId('notifications')).toContainText(
    `New track from Mesh platform: ${TEMPLATE}`,
  );
  await expect(member.getByTestId('my-track')).toHaveCount(1);
  expect(await itemStatus(member, 1)).not.toBe('done');
  await checkA11y(member, 'my tracks');
  await snap(member, 'teams-my-tracks-before');

  // Item 1: a lesson, reached through the item's link.
  await member.getByTestId('my-item-1').getByRole('link').click();
  await member.waitForURL('**/lessons/why-service-mesh');
  await member.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(member.getByText('You completed this lesson.')).toBeVisible();

  // Item 2: a scenario, answered well.
  await member.goto('/tracks');
  expect(await itemStatus(member, 1)).toBe('done');
  await member.getByTestId('my-item-2').getByRole('link').click();
  await member.waitForURL(`**/scenarios/${scenario.id}`);
  const answer = scenario.answer;
  if (answer.type !== 'choice') throw new Error('expected a choice scenario');
  const right = answer.options.find((o) => o.id === answer.correct[0])!;
  const form = member.getByTestId('attempt-form');
  await form.getByRole('radio', { name: right.label }).check();
  await form.getByLabel('Justification').fill(scenario.modelAnswer.senior);
  await form.getByRole('button', { name: 'Submit answer' }).click();
  await expect(member.getByTestId('scenario-score')).toBeVisible();
  expect(Number(await member.getByTestId('scenario-score').textContent())).toBeGreaterThanOrEqual(
    60,
  );
  await member.goto('/tracks');
  expect(await itemStatus(member, 2)).toBe('done');
  await snap(member, 'teams-my-tracks-after');

  // Manager: progress changed, lists and heatmap show it.
  await manager.goto(teamUrl);
  const row = manager.getByTestId('progress-row-Sam Member');
  await expect(row).toContainText('2/');
  await expect(row.locator('[data-status="done"]')).toHaveCount(2);
  await expect(manager.getByTestId('heatmap').getByRole('row').first()).toContainText('100 %');
  await checkA11y(manager, 'team dashboard with progress');
  await snap(manager, 'teams-dashboard');

  // Drill down into the member's evidence.
  await row.getByRole('link', { name: 'Sam Member', exact: true }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Evidence for Sam Member');
  await expect(manager.getByText(/best \d+, 1 attempts/)).toBeVisible();
  await checkA11y(manager, 'member evidence');

  // Readiness matrix with its legend.
  await manager.goto(`${teamUrl}/readiness`);
  await expect(manager.getByTestId('readiness-legend')).toContainText('FSRS retrievability');
  const readinessRow = manager.getByTestId('readiness-row-Sam Member');
  await expect(readinessRow).toBeVisible();
  await expect(readinessRow).toContainText('rubric');
  await expect(readinessRow.getByRole('link').filter({ hasText: '%' }).first()).toBeVisible();
  await checkA11y(manager, 'readiness matrix');
  await snap(manager, 'teams-readiness');
  await manager.getByRole('link', { name: 'Predicted on each due date' }).click();
  await expect(manager).toHaveURL(/at=due/);

  // CSV exports.
  await manager.goto(teamUrl);
  const [download] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByRole('link', { name: 'Download progress CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('member,track,position,item,kind,required,status,due,completed_at,score');
  const samLines = lines.filter((l) => l.startsWith('Sam Member,'));
  expect(samLines).toHaveLength(13);
  expect(samLines[0]).toMatch(/,lesson,yes,done,\d{4}-\d{2}-\d{2}T[^,]+,\d{4}-\d{2}-\d{2}T[^,]+,$/);
  expect(samLines[1]).toMatch(/,scenario,yes,done,.*,\d+$/);
  await manager.goto(`${teamUrl}/readiness`);
  const [readinessDownload] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByRole('link', { name: 'Download readiness CSV' }).click(),
  ]);
  const readinessCsv = await readFile((await readinessDownload.path())!, 'utf8');
  expect(readinessCsv.split('\r\n').filter((l) => l.startsWith('Sam Member,'))).toHaveLength(7);

  // Manager edits the copied track in the UI.
  await manager.goto(`${teamUrl}/tracks`);
  await checkA11y(manager, 'tracks page');
  await manager.getByRole('link', { name: TEMPLATE }).click();
  await expect(manager.getByTestId('track-items').getByRole('listitem')).toHaveCount(13);
  await manager.locator('summary', { hasText: /^Lesson$/ }).click();
  await manager.locator('#add-lesson-ref').selectOption('common-mistakes');
  await manager.locator('#add-lesson-due').fill('week 3');
  await manager.getByRole('button', { name: 'Add lesson' }).click();
  await expect(manager.getByTestId('track-items').getByRole('listitem')).toHaveCount(14);
  await checkA11y(manager, 'track editor');
  await snap(manager, 'teams-track-editor');

  // The member's .ics feed.
  await member.goto('/tracks');
  await member.getByRole('button', { name: 'Create calendar feed address' }).click();
  const feed = await member.getByTestId('one-time-link').inputValue();
  const response = await member.request.get(feed);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  expect(await response.text()).toContain('BEGIN:VEVENT');

  await managerContext.close();
  await memberContext.close();
});

test('team pages are not visible to other people', async ({ page, browser }) => {
  await signUp(page, { name: 'Owner Two' });
  await page.goto('/teams');
  await page.getByLabel('Team name').fill('Private team');
  await page.getByRole('button', { name: 'Create team' }).click();
  await page.waitForURL(/\/teams\/[^/]+$/);
  const teamUrl = page.url();
  const other = await (await browser.newContext()).newPage();
  await signUp(other, { name: 'Stranger' });
  for (const url of [teamUrl, `${teamUrl}/readiness`, `${teamUrl}/tracks`, `${teamUrl}/invite`]) {
    const response = await other.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  const csv = await other.request.get(`${teamUrl}/export/progress`);
  expect(csv.status()).toBe(404);
  expect((await other.request.get('/api/calendar/not-a-real-token-000000000000')).status()).toBe(
    404,
  );
});
