import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readScenarioDir } from '../../lib/content/scenario-pack';
import type { Scenario } from '../../lib/content/scenario-schema';
import { checkA11y, signUp, snap } from './helpers';

// Journeys of the mock-interview capability. Model answers come from the real content so the
// solo journey earns real grades; the live journey runs two browser contexts side by side.

let scenarios: Map<string, Scenario>;
const ROOT = path.resolve(import.meta.dirname, '../..');
const template = (id: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'content/interviews', `${id}.json`), 'utf8')) as {
    title: string;
    phases: Array<{
      questions: Array<{ id: string; scenarioId: string; prompt: string; hints: string[] }>;
    }>;
    simulator: { faults: Array<{ id: string; label: string }> };
  };

test.beforeAll(async () => {
  const { scenarios: list } = await readScenarioDir(
    path.join(ROOT, 'content/service-mesh/scenarios'),
  );
  scenarios = new Map(list.map((s) => [s.id, s]));
});

async function answerWell(page: Page, scenario: Scenario) {
  const form = page.getByTestId('answer-form');
  const spec = scenario.answer;
  if (spec.type === 'choice') {
    const correct = spec.options.find((o) => o.id === spec.correct[0]);
    await form.getByLabel(correct!.label).check();
  } else if (spec.type === 'number') {
    await form.getByLabel(/Your estimate/).fill(String(spec.correct));
  }
  await form.getByLabel('Justification').fill(scenario.modelAnswer.senior.slice(0, 4900));
}

test('solo: timed questions graded by the rubric, self-assessment, scorecard, cards once, history', async ({
  page,
}) => {
  const t = template('onboarding-check-in');
  await signUp(page);
  await page.goto('/interviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Mock interviews' })).toBeVisible();
  await expect(page.getByTestId('interview-template')).toHaveCount(6);
  await checkA11y(page, 'interviews list');
  await page.getByRole('button', { name: `Practise alone: ${t.title}` }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]+$/);

  await expect(page.getByRole('timer')).toHaveText(/^[45]:\d\d$/);
  await checkA11y(page, 'solo session');
  const questions = t.phases.flatMap((p) => p.questions);
  for (const [index, question] of questions.entries()) {
    await expect(page.getByTestId('question-prompt')).toHaveText(question.prompt);
    await answerWell(page, scenarios.get(question.scenarioId)!);
    await page.getByRole('button', { name: 'Submit and grade' }).click();
    await expect(page.getByTestId('grade-summary')).toContainText('/100');
    if (index < questions.length - 1)
      await page.getByRole('button', { name: 'Next question' }).click();
  }
  await snap(page, 'interview-solo-last-question');
  const self = page.getByTestId('self-assessment');
  for (const fieldset of await self.getByRole('group').all())
    await fieldset.getByLabel('3', { exact: true }).check();
  await page.getByRole('button', { name: 'Finish and see my scorecard' }).click();
  await page.waitForURL(/\/scorecard$/);
  const scorecardUrl = page.url();
  const overall = await page.getByTestId('overall-score').textContent();
  const score = Number(/Overall (\d+)\/100/.exec(overall ?? '')?.[1]);
  expect(score).toBeGreaterThan(50);
  await expect(page.getByTestId('dimension-table')).toContainText('3 (75)');
  await checkA11y(page, 'solo scorecard');
  await snap(page, 'interview-solo-scorecard');

  await page.goto('/interviews');
  await expect(page.getByTestId('solo-progress')).toContainText(String(score));

  // Readable at 360 px: no page-level horizontal scrolling (tables scroll inside their regions).
  await page.setViewportSize({ width: 360, height: 800 });
  for (const url of [
    '/interviews',
    scorecardUrl,
    scorecardUrl.replace(/\/scorecard$/, '/replay'),
  ]) {
    await page.goto(url);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `horizontal overflow at 360 px on ${url}`).toBeLessThanOrEqual(0);
  }
  await snap(page, 'interviews-360');
});

test('live: invite, shared timer, question push, fault injection, private material, scorecard release, replay', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const t = template('diagnose-a-mesh-incident');
  const interviewerContext = await browser.newContext();
  const candidateContext = await browser.newContext();
  const intruderContext = await browser.newContext();
  const interviewer = await interviewerContext.newPage();
  const candidate = await candidateContext.newPage();
  const intruder = await intruderContext.newPage();
  await signUp(interviewer, { name: 'Ivy Interviewer' });
  await signUp(candidate, { name: 'Cody Candidate' });

  await interviewer.goto('/interviews');
  await interviewer.getByRole('button', { name: `Host a live session: ${t.title}` }).click();
  const link = await interviewer.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/interviews\/join\/[A-Za-z0-9_-]{40,}$/);
  await checkA11y(interviewer, 'live lobby');

  await candidate.goto(link);
  await checkA11y(candidate, 'join page');
  await candidate.getByRole('button', { name: 'Join as the candidate' }).click();
  await expect(candidate.getByText('You have joined.')).toBeVisible();
  await expect(interviewer.getByTestId('candidate-status')).toHaveText(
    'Cody Candidate has joined.',
  );

  // A second person cannot reuse the invite.
  await signUp(intruder, { name: 'Ira Intruder' });
  await intruder.goto(link);
  await intruder.getByRole('button', { name: 'Join as the candidate' }).click();
  await expect(intruder.getByText(/already been used/)).toBeVisible();

  await interviewer.getByRole('button', { name: 'Start the interview' }).click();
  const first = t.phases[0]!.questions[0]!;
  await expect(candidate.getByTestId('question-prompt')).toHaveText(first.prompt);
  await expect(interviewer.getByTestId('question-prompt')).toHaveText(first.prompt);

  // Timers agree within a second (both derive from the server's endsAt and their clock offset).
  await candidate.waitForTimeout(1500);
  const [a, b] = await Promise.all([
    interviewer.getByTestId('phase-timer').getAttribute('data-remaining-ms'),
    candidate.getByTestId('phase-timer').getAttribute('data-remaining-ms'),
  ]);
  const timerGapMs = Math.abs(Number(a) - Number(b));
  test.info().annotations.push({ type: 'timer-gap-ms', description: String(timerGapMs) });
  expect(timerGapMs).toBeLessThan(1000);

  // Interviewer-only material never reaches the candidate's page.
  await expect(interviewer.getByTestId('hints')).toContainText(first.hints[0]!);
  const candidateHtml = await candidate.content();
  expect(candidateHtml).not.toContain(first.hints[0]!);
  expect(candidateHtml).not.toContain(
    scenarios.get(first.scenarioId)!.modelAnswer.senior.slice(0, 60),
  );
  await checkA11y(candidate, 'candidate room');
  await checkA11y(interviewer, 'interviewer room');

  // The candidate's answer appears on the interviewer's screen as it is typed.
  await candidate
    .getByTestId('answer-form')
    .getByLabel('Justification')
    .fill('The p99 of inventory is the problem; set a timeout.');
  await expect(interviewer.getByTestId('candidate-justification')).toHaveText(
    'The p99 of inventory is the problem; set a timeout.',
  );

  await interviewer.getByLabel('Private note').fill('Good instinct on tail latency');
  await interviewer.getByRole('button', { name: 'Save note' }).click();
  await expect(interviewer.getByTestId('notes')).toContainText('Good instinct');

  // Question push.
  await interviewer.getByRole('button', { name: 'Next question' }).click();
  const second = t.phases[1]!.questions[0]!;
  await expect(candidate.getByTestId('question-prompt')).toHaveText(second.prompt);

  // A fault injected by the interviewer reaches the candidate's simulator within 2 s.
  const fault = t.simulator.faults.find((f) => f.id === 'leaf-down')!;
  await expect(candidate.getByTestId('sim-last-change')).toContainText('none yet');
  // Both pages share the machine's clock: the candidate's page stamps the moment the label
  // appears (a MutationObserver, so Playwright's polling interval is not counted).
  await candidate.evaluate((label) => {
    const target = document.querySelector('[data-testid="sim-last-change"]')!;
    const observer = new MutationObserver(() => {
      if (target.textContent?.includes(label)) {
        document.body.dataset.faultSeenAt = String(Date.now());
        observer.disconnect();
      }
    });
    observer.observe(target, { subtree: true, childList: true, characterData: true });
  }, fault.label);
  const button = interviewer.getByRole('button', { name: fault.label });
  await button.waitFor();
  const clicked = await interviewer.evaluate(() => Date.now());
  await button.click();
  await expect(candidate.getByTestId('sim-last-change')).toContainText(fault.label, {
    timeout: 2000,
  });
  const seenAt = Number(await candidate.evaluate(() => document.body.dataset.faultSeenAt));
  const seenAfterMs = seenAt - clicked;
  test
    .info()
    .annotations.push({ type: 'fault-visible-after-ms', description: String(seenAfterMs) });
  expect(seenAfterMs).toBeLessThan(2000);
  await expect(candidate.getByTestId('sim-error-rate')).not.toHaveText('0.0 %', { timeout: 5000 });
  // The shared simulator reads the current window by default, with "since start" as a toggle,
  // and draws the same topology as the simulator page.
  const shared = candidate.getByTestId('shared-simulator');
  await expect(shared.getByTestId('sim-scope')).toContainText('last step');
  await expect(shared.getByTestId('sim-topology')).toBeVisible();
  await shared.getByLabel('Since start').check();
  await expect(shared.getByTestId('sim-scope')).toContainText('since the start of the run');
  await shared.getByLabel('Current window').check();
  await snap(candidate, 'interview-live-candidate');
  await snap(interviewer, 'interview-live-interviewer');
  expect(await candidate.content()).not.toContain('Good instinct on tail latency');

  // End, score, lock, release.
  await interviewer.getByRole('button', { name: 'End the session' }).click();
  await expect(candidate.getByTestId('session-ended')).toBeVisible();
  const form = interviewer.getByTestId('scorecard-form');
  for (const group of await form.getByRole('group').all()) {
    const senior = group.getByLabel('3 – solid');
    if (await senior.count()) await senior.check();
  }
  await form.getByLabel('Yes', { exact: true }).check();
  await form
    .getByLabel('Written feedback for the candidate')
    .fill('Clear triage; go deeper on retry budgets.');
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(form.getByRole('status')).toHaveText('Draft saved.');
  await candidate.reload();
  await expect(candidate.getByTestId('scorecard-view')).toHaveCount(0);
  await form.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(form.getByRole('heading', { name: /submitted, locked/ })).toBeVisible();
  await form.getByRole('button', { name: 'Release to the candidate' }).click();
  await expect(candidate.getByTestId('scorecard-view')).toBeVisible({ timeout: 5000 });
  await expect(candidate.getByTestId('hire-signal')).toHaveText('Yes');
  await checkA11y(candidate, 'candidate scorecard');

  // Replay: scrub back to the first question, then forward to the fault.
  await candidate.goto(candidate.url().replace(/\/?$/, '/replay'));
  const scrubber = candidate.getByTestId('replay-scrubber');
  await scrubber.focus();
  await candidate.keyboard.press('Home');
  await expect(candidate.getByTestId('replay-question')).toContainText('Before the first question');
  await candidate.getByRole('button', { name: /Simulator: inventory-svc fails hard/ }).click();
  await expect(candidate.getByTestId('replay-question')).toContainText(second.prompt);
  await expect(candidate.getByTestId('sim-last-change')).toContainText(fault.label);
  await expect(candidate.getByText('Private note')).toHaveCount(0);
  await checkA11y(candidate, 'replay');
  await snap(candidate, 'interview-replay');

  // Read-only report link, then revoked.
  await interviewer.getByRole('button', { name: 'Create a report link' }).click();
  const reportUrl = await interviewer.getByTestId('report-url').inputValue();
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(reportUrl);
  await expect(anonymous.getByRole('heading', { level: 1 })).toContainText('Interview report');
  await expect(anonymous.getByTestId('hire-signal')).toHaveText('Yes');
  expect(await anonymous.content()).not.toContain('Good instinct on tail latency');
  await checkA11y(anonymous, 'report');
  await interviewer.getByRole('button', { name: 'Revoke the report link' }).click();
  await expect(interviewer.getByRole('button', { name: 'Create a report link' })).toBeVisible();
  const gone = await anonymous.goto(reportUrl);
  expect(gone?.status()).toBe(404);

  await Promise.all([
    interviewerContext.close(),
    candidateContext.close(),
    intruderContext.close(),
  ]);
});

test('interview URLs and APIs answer 4xx, never 500, to hostile input', async ({ page }) => {
  const paths = [
    '/interviews/does-not-exist',
    '/interviews/%00/replay',
    `/interviews/${'a'.repeat(2000)}/scorecard`,
    '/interviews/join/short',
    `/interviews/join/${'x'.repeat(300)}`,
    '/interview-reports/bogus',
    `/interview-reports/${'A'.repeat(60)}`,
    '/api/interviews/time',
    '/api/interviews/nope/events',
    '/api/interviews/nope/events?after=-1',
  ];
  const failures: string[] = [];
  const check = async (label: string) => {
    for (const p of paths) {
      const response = await page.request.get(p, { maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`${label} GET ${p} → ${response.status()}`);
    }
    const bodies = [
      '',
      'not json',
      '{}',
      '{"type":"advance"}',
      JSON.stringify({ type: 'add-note', text: 'x'.repeat(100_000), idempotencyKey: 'abcdefgh12' }),
    ];
    for (const body of bodies) {
      for (const url of [
        '/api/interviews/nope/commands',
        '/api/interviews/sessions',
        '/api/interviews/join',
      ]) {
        const response = await page.request.post(url, {
          data: body,
          headers: { 'content-type': 'application/json' },
        });
        if (response.status() >= 500 || response.status() < 400)
          failures.push(`${label} POST ${url} ${body.slice(0, 20)} → ${response.status()}`);
      }
    }
  };
  await check('signed out');
  await signUp(page);
  await check('signed in');
  expect(failures).toEqual([]);
});
