import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { glossarySlug } from '../../lib/content/glossary';
import { loadLessonPack } from '../../lib/content/lesson-pack';
import type { Lesson } from '../../lib/content/schemas';
import { checkA11y, signUp, snap } from './helpers';

// Questions, answers and key terms come from the real content pack, so the journey keeps
// working as the lessons are edited.
let lessons: Lesson[];
test.beforeAll(async () => {
  lessons = (await loadLessonPack(path.resolve(import.meta.dirname, '../../content/service-mesh')))
    .lessons;
});

function firstChoiceQuestion(lesson: Lesson) {
  const question = lesson.selfCheck.find((q) => q.type === 'choice');
  if (!question || question.type !== 'choice')
    throw new Error(`${lesson.id} has no choice question`);
  return question;
}

/**
 * Lessons embed a lazily loaded simulator (fetched when its slot nears the viewport); scroll to
 * it and check the page as the reader finally sees it.
 */
async function simulatorSettled(page: Page) {
  for (const slot of await page.getByTestId('simulator-slot').all())
    await slot.scrollIntoViewIfNeeded();
  await expect(page.getByText('Loading the simulator…')).toHaveCount(0, { timeout: 20_000 });
}

async function answerChoice(page: Page, lesson: Lesson, pickCorrect: boolean) {
  const question = firstChoiceQuestion(lesson);
  const index = pickCorrect ? question.answer : (question.answer + 1) % question.options.length;
  const form = page.getByTestId(`self-check-${question.id}`);
  await form.getByRole('radio').nth(index).check();
  await form.getByRole('button', { name: 'Check answer' }).click();
  return { form, question };
}

test('a visitor reads a lesson, answers the self-check and is invited to sign up', async ({
  page,
}) => {
  const lesson = lessons[0]!;
  await page.goto('/lessons');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('lesson-list').getByRole('listitem')).toHaveCount(lessons.length);
  await expect(page.getByText('to track which lessons you have finished')).toBeVisible();
  await checkA11y(page, 'lessons');
  await snap(page, 'lessons-anonymous');

  await page.getByRole('link', { name: lesson.title, exact: true }).click();
  await expect(page).toHaveURL(`/lessons/${lesson.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible();
  await expect(page.getByTestId('reading-time')).toContainText('min read');
  await expect(page.getByRole('heading', { name: 'How to say it in an interview' })).toBeVisible();
  await expect(page.getByTestId('lesson-completion')).toContainText('save your progress');

  const { form, question } = await answerChoice(page, lesson, false);
  await expect(form.getByTestId('self-check-result')).toContainText('Not quite.');
  await expect(form.getByTestId('self-check-result')).toContainText(question.explanation);
  await expect(
    page.getByTestId('lesson-simulator').getByRole('link', { name: /full simulator/ }),
  ).toHaveAttribute('href', `/simulator?preset=${lesson.simulatorPreset}`);
  await simulatorSettled(page);
  await checkA11y(page, `lesson ${lesson.id}`);
  await snap(page, 'lesson-anonymous');

  // Diagrams are SVG images named by their <title> with a text alternative next to them.
  const withDiagram = lessons.find((l) => l.body.includes('```diagram'));
  if (!withDiagram) throw new Error('no lesson uses a diagram');
  await page.goto(`/lessons/${withDiagram.id}`);
  const figure = page.locator('figure.diagram').first();
  await expect(figure.getByRole('img')).toHaveAccessibleName(/.{5,}/);
  await figure.getByText(/^Text description:/).click();
  await expect(figure.getByRole('listitem').first()).toBeVisible();
  const callout = page.locator('aside.callout').first();
  await expect(callout).toBeVisible();
  await expect(callout.locator('.callout-label')).toHaveText(/^(Interview tip|Pitfall|Note)$/);
  await simulatorSettled(page);
  await checkA11y(page, `lesson ${withDiagram.id}`);
  await figure.screenshot({ path: 'test-results/screenshots/lesson-diagram.png' });
  await callout.screenshot({ path: 'test-results/screenshots/lesson-callout.png' });
  await snap(page, 'lesson-with-diagram');

  const missing = await page.goto('/lessons/no-such-lesson');
  expect(missing?.status()).toBe(404);
});

test('a learner answers, marks a lesson complete and sees progress on /lessons and the dashboard', async ({
  page,
}) => {
  const lesson = lessons[1]!;
  await signUp(page, { name: 'Lesson Learner' });
  await page.goto(`/lessons/${lesson.id}`);
  const { form } = await answerChoice(page, lesson, true);
  await expect(form.getByTestId('self-check-result')).toContainText('Correct.');
  await expect(form.getByText('Saved to your progress.')).toBeVisible();

  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(page.getByTestId('lesson-completion')).toContainText('You completed this lesson.');
  await simulatorSettled(page);
  await checkA11y(page, `lesson ${lesson.id} completed`);
  await snap(page, 'lesson-completed');

  // Progress is stored, not just shown: it survives a reload of the static page.
  await page.reload();
  await expect(page.getByTestId('lesson-completion')).toContainText('You completed this lesson.');
  await expect(
    page
      .getByTestId(`self-check-${firstChoiceQuestion(lesson).id}`)
      .getByTestId('self-check-result'),
  ).toContainText('Correct.');

  await page.goto('/lessons');
  await expect(page.getByTestId(`completed-${lesson.id}`)).toBeVisible();
  await expect(page.getByTestId(`completed-${lessons[0]!.id}`)).toHaveCount(0);
  await expect(page.getByTestId('chapter-progress').getByRole('progressbar')).toHaveAttribute(
    'aria-valuenow',
    '1',
  );
  await checkA11y(page, 'lessons signed in');
  await snap(page, 'lessons-progress');

  await page.goto('/dashboard');
  const card = page.getByTestId('lessons-dashboard-card');
  // The dashboard card is wired by the lead; check it whenever it is on the page.
  if ((await card.count()) > 0) {
    await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
    await expect(card.getByRole('link', { name: lessons[0]!.title })).toBeVisible();
    await snap(page, 'dashboard-lessons-card');
  }
});

test('search finds a lesson by one of its key terms; / focuses the search box', async ({
  page,
}) => {
  const lesson = lessons[2]!;
  const term = lesson.keyTerms[0]!.term;
  await page.goto(`/search?q=${encodeURIComponent(term)}`);
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('link', { name: lesson.title }).first()).toBeVisible();
  await expect(results.getByRole('link', { name: term, exact: true })).toHaveAttribute(
    'href',
    /\/glossary#/,
  );
  await checkA11y(page, 'search');
  await snap(page, 'search');

  // On the search page `/` focuses the page's own box, elsewhere the header box.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('main').getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('zzzzqx');
  await expect(page.getByRole('status').filter({ hasText: 'results for' })).toContainText(
    '0 results for “zzzzqx”',
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?q=zzzzqx$/);

  await page.goto('/lessons');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  const headerBox = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
  await expect(headerBox).toBeFocused();
  await page.keyboard.type(term);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(
    page.getByTestId('search-results').getByRole('link', { name: lesson.title }).first(),
  ).toBeVisible();
});

test('the glossary lists key terms A–Z with links back to their lessons', async ({ page }) => {
  const lesson = lessons[0]!;
  const term = lesson.keyTerms[0]!;
  await page.goto('/glossary');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  const entry = page
    .locator('dl > div')
    .filter({ has: page.getByText(term.term, { exact: true }) });
  await expect(entry).toContainText(term.definition);
  await checkA11y(page, 'glossary');
  await snap(page, 'glossary');
  await entry.getByRole('link', { name: lesson.title }).click();
  await expect(page).toHaveURL(`/lessons/${lesson.id}`);
});

test('links prefetch on intent, not on sight; deep links land inside deferred sections', async ({
  page,
}) => {
  const prefetched: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetched.push(new URL(request.url()).pathname);
  });
  const lesson = lessons[0]!;
  await page.goto(`/lessons/${lesson.id}`);
  await page.waitForLoadState('networkidle');
  // Nothing is fetched for the nav, breadcrumbs or next-lesson links just because they are on screen.
  expect(prefetched).toEqual([]);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Simulator' }).hover();
  await expect.poll(() => prefetched).toContain('/simulator');
  await nav.getByRole('link', { name: 'Simulator' }).click();
  await expect(page).toHaveURL('/simulator');

  // Sections below the fold skip rendering until near the viewport; a fragment link still lands
  // on its target (the last glossary entry, under the last deferred letter section).
  const terms = lessons.flatMap((l) => l.keyTerms.map((k) => k.term));
  const last = [...terms].sort((a, b) => a.localeCompare(b)).at(-1)!;
  await page.goto(`/glossary#${glossarySlug(last)}`);
  await expect(page.locator(`[id="${glossarySlug(last)}"]`)).toBeInViewport();
  await expect(page.locator('.render-when-visible').first()).toHaveCSS(
    'content-visibility',
    'auto',
  );
});

test('every lesson renders without sideways scrolling and passes axe at 360 px', async ({
  page,
}) => {
  test.setTimeout(30_000 * lessons.length); // one axe run and a simulator embed per lesson
  await page.setViewportSize({ width: 360, height: 800 });
  for (const lesson of lessons) {
    const id = lesson.id;
    await page.goto(`/lessons/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
    // Wide comparison tables scroll inside their own focusable region instead of widening the page.
    const { overflow, widest } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const offender = [...document.querySelectorAll('main *')].find(
        (el) => el.getBoundingClientRect().right > width + 1 && !el.closest('pre, table'),
      );
      return {
        overflow: document.documentElement.scrollWidth - width,
        widest: offender ? `${offender.tagName}: ${offender.textContent?.slice(0, 60)}` : '',
      };
    });
    expect(overflow, `${id} scrolls sideways (${widest})`).toBeLessThanOrEqual(0);
    if (lesson.simulatorPreset) await simulatorSettled(page);
    await checkA11y(page, `lesson ${id} at 360 px`);
  }
  await snap(page, 'lesson-last-360');
});
