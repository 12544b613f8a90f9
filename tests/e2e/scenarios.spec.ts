import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readScenarioDir } from '../../lib/content/scenario-pack';
import type { Scenario } from '../../lib/content/scenario-schema';
import { checkA11y, signUp, snap } from './helpers';

// Model answers and option labels come from the real content, so the journeys keep working as
// scenarios are edited.
let scenarios: Map<string, Scenario>;
test.beforeAll(async () => {
  const { scenarios: list, problems } = await readScenarioDir(
    path.resolve(import.meta.dirname, '../../content/service-mesh/scenarios'),
  );
  expect(problems).toEqual([]);
  scenarios = new Map(list.map((s) => [s.id, s]));
});

function get(id: string): Scenario {
  const scenario = scenarios.get(id);
  if (!scenario) throw new Error(`missing scenario ${id}`);
  return scenario;
}

function optionLabel(scenario: Scenario, id: string): string {
  if (scenario.answer.type !== 'choice') throw new Error(`${scenario.id} is not a choice scenario`);
  const option = scenario.answer.options.find((o) => o.id === id);
  if (!option) throw new Error(`${scenario.id} has no option ${id}`);
  return option.label;
}

test('a learner answers a justify scenario badly, then well, and the score and feedback change', async ({
  page,
}) => {
  const scenario = get('justify-three-service-startup');
  const answer = scenario.answer;
  if (answer.type !== 'choice') throw new Error('expected a choice scenario');
  const wrongId =
    answer.options.find((o) => !answer.correct.includes(o.id) && o.id.startsWith('adopt'))?.id ??
    'adopt-now';
  const rightId = answer.correct[0] ?? 'not-yet';

  await signUp(page);
  await page.goto('/scenarios');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
  await expect(page.getByTestId('recommended-scenario')).toBeVisible();
  await checkA11y(page, 'scenario list');

  await page.getByLabel('Kind').selectOption('justify');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=justify/);
  const items = page
    .getByTestId('scenario-list')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') });
  await expect(items.first()).toBeVisible();
  for (const text of await items.getByRole('heading').allTextContents()) {
    expect([...scenarios.values()].find((s) => s.title === text)?.kind).toBe('justify');
  }
  await snap(page, 'scenarios-list-filtered');

  await page.getByRole('link', { name: scenario.title, exact: true }).click();
  await expect(page).toHaveURL(`/scenarios/${scenario.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenario.title);

  const form = page.getByTestId('attempt-form');
  await form.getByRole('button', { name: 'Submit answer' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose one of the options.');

  await form.getByRole('radio', { name: optionLabel(scenario, wrongId) }).check();
  await form
    .getByLabel('Justification')
    .fill('Istio is best practice and everyone uses it, so we should install it everywhere.');
  await form.getByRole('button', { name: 'Submit answer' }).click();
  const feedback = page.getByTestId('scenario-feedback');
  await expect(feedback).toBeVisible();
  const badScore = Number(await page.getByTestId('scenario-score').textContent());
  expect(badScore).toBeLessThanOrEqual(40);
  await expect(feedback.getByRole('heading', { name: /^Decision:/ })).toHaveText('Decision: wrong');
  await expect(page.getByTestId('wrong-turns')).toBeVisible();
  await expect(page.getByTestId('new-cards')).toContainText('added to your review queue');
  await expect(feedback.locator('[data-status="missed"]').first()).toContainText('Reread:');
  await snap(page, 'scenario-justify-bad');

  await form.getByRole('radio', { name: optionLabel(scenario, rightId) }).check();
  await form.getByLabel('Justification').fill(scenario.modelAnswer.senior);
  await form.getByRole('button', { name: 'Submit again' }).click();
  await expect(page.getByTestId('scenario-score')).not.toHaveText(String(badScore));
  const goodScore = Number(await page.getByTestId('scenario-score').textContent());
  expect(goodScore).toBeGreaterThanOrEqual(80);
  await expect(feedback.getByRole('heading', { name: /^Decision:/ })).toHaveText('Decision: right');
  await expect(page.getByTestId('wrong-turns')).toHaveCount(0);
  await expect(feedback.locator('[data-status="hit"]')).toHaveCount(scenario.rubric.length);
  await feedback.getByText('Why, and model answers').click();
  await expect(feedback.getByText(scenario.modelAnswer.junior)).toBeVisible();
  await checkA11y(page, 'scenario with feedback');
  await snap(page, 'scenario-justify-good');

  await page.reload();
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(2);
  await page.goto('/scenarios');
  await expect(page.getByTestId(`scenario-item-${scenario.id}`)).toContainText(
    `Best score ${goodScore} / 100 · 2 attempts`,
  );
});

test('predict → run → explain on a diagnose scenario', async ({ page }) => {
  const scenario = get('diagnose-retry-storm-failing-leaf');
  const prediction = scenario.simulator?.prediction;
  if (!prediction || scenario.answer.type !== 'choice')
    throw new Error('expected a choice scenario with a prediction');
  const correctPrediction = prediction.options.find((o) => o.id === prediction.correct);
  if (!correctPrediction) throw new Error('prediction answer missing');

  await signUp(page);
  await page.goto(`/scenarios/${scenario.id}`);
  const predictStep = page.getByTestId('prediction-step');
  await expect(page.getByTestId('attempt-form')).toHaveCount(0);
  await expect(predictStep.getByRole('button', { name: 'Lock in my prediction' })).toBeDisabled();
  await predictStep.getByRole('radio', { name: correctPrediction.label, exact: true }).check();
  await predictStep.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(page.getByTestId('locked-prediction')).toContainText(correctPrediction.label);

  const simulatorStep = page.getByTestId('simulator-step');
  await expect(simulatorStep.getByRole('heading', { name: /^Simulator:/ })).toBeVisible();
  await checkA11y(page, 'scenario simulator step');
  await snap(page, 'scenario-predict-run');
  await simulatorStep.getByRole('button', { name: 'Continue to my answer' }).click();

  const form = page.getByTestId('attempt-form');
  await form
    .getByRole('radio', { name: optionLabel(scenario, scenario.answer.correct[0] ?? '') })
    .check();
  await form.getByLabel('Justification').fill(scenario.modelAnswer.senior);
  await form.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('prediction-feedback')).toContainText('right');
  expect(Number(await page.getByTestId('scenario-score').textContent())).toBeGreaterThanOrEqual(80);
  await snap(page, 'scenario-predict-run-explain');
});

test('a rollout scenario can be ordered with the keyboard', async ({ page }) => {
  const scenario = [...scenarios.values()].find((s) => s.kind === 'rollout');
  if (!scenario || scenario.answer.type !== 'order') throw new Error('no rollout scenario');
  await signUp(page);
  await page.goto(`/scenarios/${scenario.id}`);
  const list = page.getByTestId('order-list');
  const first = list.getByRole('listitem').first();
  const firstId = await first.getAttribute('data-testid');
  await first.getByRole('button', { name: /down$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('listitem').nth(1)).toHaveAttribute('data-testid', firstId ?? '');
  await page
    .getByLabel('Justification')
    .fill('We limit the blast radius first because a small namespace hurts least.');
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('scenario-feedback')).toContainText('step pairs');
  await checkA11y(page, 'rollout scenario');
});

test('a weak first attempt gets hints and a retry before the model answer is revealed', async ({
  page,
}) => {
  const scenario = get('choose-small-team-mtls-fast');
  if (scenario.answer.type !== 'choice') throw new Error('expected a choice scenario');
  const rightLabel = optionLabel(scenario, scenario.answer.correct[0] ?? '');
  await signUp(page);
  await page.goto(`/scenarios/${scenario.id}`);
  const form = page.getByTestId('attempt-form');
  await form.getByRole('radio', { name: rightLabel }).check();
  await form
    .getByLabel('Justification')
    .fill('It is simpler than the other meshes, so it should be fine.');
  await form.getByRole('button', { name: 'Submit answer' }).click();

  const feedback = page.getByTestId('scenario-feedback');
  await expect(feedback).toBeVisible();
  expect(Number(await page.getByTestId('scenario-score').textContent())).toBeLessThan(70);
  await expect(page.getByTestId('graded-by')).toContainText('the rubric grader');
  const hints = page.getByTestId('hints');
  await expect(hints.getByRole('listitem').first()).toContainText('?');
  await expect(page.getByTestId('model-answer')).toHaveCount(0);
  await expect(page.getByText(scenario.modelAnswer.senior)).toHaveCount(0);
  await expect(page.getByTestId('trade-offs')).toContainText('A trade-off names what you give up');

  // Self-assessment beside the verdict: tick one point and compare.
  const selfAssessment = page.getByTestId('self-assessment');
  await selfAssessment.getByRole('checkbox').first().check();
  await expect(page.getByTestId('self-assessment-agreement')).toContainText(
    `of ${scenario.rubric.length} points`,
  );
  await checkA11y(page, 'scenario hints before the model answer');
  await snap(page, 'scenario-hints');

  // Retry: the second attempt reveals the model answer whatever the score.
  await form
    .getByLabel('Justification')
    .fill(
      'Linkerd: two platform engineers need mTLS on by default within five weeks, and only basic retries and timeouts.',
    );
  await form.getByRole('button', { name: 'Submit again' }).click();
  const modelAnswer = page.getByTestId('model-answer');
  await expect(modelAnswer).toContainText(scenario.modelAnswer.senior);
  await expect(page.getByTestId('hints')).toHaveCount(0);
  await checkA11y(page, 'scenario with the model answer after a retry');
  await snap(page, 'scenario-revealed-after-retry');
});

test('the model answer can be requested after a first attempt', async ({ page }) => {
  const scenario = get('justify-regulated-fintech-200-services');
  if (scenario.answer.type !== 'choice') throw new Error('expected a choice scenario');
  await signUp(page);
  await page.goto(`/scenarios/${scenario.id}`);
  const form = page.getByTestId('attempt-form');
  await form.getByRole('radio', { name: optionLabel(scenario, 'not-yet') }).check();
  await form.getByLabel('Justification').fill('We should wait and see how things develop.');
  await form.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('hints')).toBeVisible();
  await page.getByRole('button', { name: 'Show the model answer now' }).click();
  await expect(page.getByTestId('model-answer')).toContainText(scenario.modelAnswer.junior);
});
