import { expect, test, type Page } from '@playwright/test';
import { DEMO, checkA11y, signIn, signUp } from './helpers';

// Issue 15: first run, navigation, stats, phone review, lessons and search polish. Every page
// state is checked with axe and captured at 1280×800 and 390×844 (light and dark where the
// colours matter) under test-results/screenshots/polish-*.png.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((t) => {
    localStorage.setItem('theme', t);
    document.documentElement.classList.toggle('dark', t === 'dark');
  }, theme);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/polish-${name}.png`, fullPage: true });
}

test('phone menu shows every area; focus moves to the new heading after navigating', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto('/lessons');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Simulator' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Lessons', 'Review', 'Scenarios', 'Simulator']) {
    await expect(nav.getByRole('link', { name })).toBeInViewport();
  }
  await checkA11y(page, 'phone menu open');
  await shoot(page, 'menu-phone');
  await nav.getByRole('link', { name: 'Scenarios' }).click();
  await expect(page).toHaveURL(/\/scenarios$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await page.setViewportSize(DESKTOP);
  await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Simulator' })).toBeVisible();
  await nav.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('favicon and manifest are served and linked; no 404 on a first visit', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(missing).toEqual([]);
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon/);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(manifestHref ?? '/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: 'Mesh Dojo', start_url: '/' });
  expect((await page.request.get('/icon.svg')).status()).toBe(200);
});

test('below 1024 px, / opens search with the box focused', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/lessons');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole('main').getByRole('searchbox')).toBeFocused();
  // The header box at desktop width shows its whole placeholder.
  await page.setViewportSize(DESKTOP);
  const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
  const fits = await box.evaluate((input: HTMLInputElement) => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = getComputedStyle(input).font;
    const style = getComputedStyle(input);
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return canvas.measureText(input.placeholder).width <= room;
  });
  expect(fits).toBe(true);
});

test('a new learner gets an honest dashboard and a first-run checklist', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signUp(page, { name: 'First Timer' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, First Timer');
  const checklist = page.getByTestId('first-run');
  await expect(checklist).toContainText('0 of 4 done');
  await expect(checklist.getByRole('link', { name: /Read lesson 1/ })).toHaveAttribute(
    'href',
    '/lessons/why-service-mesh',
  );
  const scenarios = page.getByTestId('scenarios-dashboard-card');
  await expect(scenarios).not.toContainText('Weakest competency');
  await expect(scenarios).toContainText('Start with:');
  await checkA11y(page, 'new dashboard');
  await shoot(page, 'dashboard-new-desktop');
  await page.setViewportSize(PHONE);
  await shoot(page, 'dashboard-new-phone');

  await page.goto('/scenarios');
  const recommended = page.getByTestId('recommended-scenario');
  await expect(recommended).not.toContainText('weakest');
  // Human labels, never raw slugs.
  const list = page.getByTestId('scenario-list');
  await expect(list).not.toContainText('adoption-cost');
  await expect(list).not.toContainText('traffic-policy');
  await expect(
    page.getByLabel('Competency').locator('option', { hasText: 'Adoption cost' }),
  ).toHaveCount(1);
  await checkA11y(page, 'scenarios for a new learner');
});

test('the demo account shows seeded history: dashboard, stats and heatmap (light and dark)', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome back, ${DEMO.name}`);
  await expect(page.getByTestId('scenarios-dashboard-card')).toContainText(
    /Weakest competency: [A-Z]/,
  );
  await page.goto('/review/stats');
  await expect(page.getByTestId('stat-streak')).not.toHaveText('0 days');
  await expect(page.getByTestId('study-day')).toContainText('UTC');
  const scroller = page.getByTestId('heatmap-scroller');
  await expect(scroller).toHaveAttribute('tabindex', '0');
  await expect(scroller.locator('text', { hasText: 'Mon' })).toHaveCount(1);
  const months = await scroller.locator('svg text').allTextContents();
  expect(
    months.filter((t) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/.test(t)).length,
  ).toBeGreaterThan(8);
  await expect(page.getByTestId('heatmap-legend')).toContainText('More reviews');
  await expect(page.getByRole('heading', { name: 'Retention over time' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Card intervals' })).toBeVisible();
  await expect(page.getByTestId('anki-export-note')).toContainText('new cards');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await checkA11y(page, `stats ${theme}`);
    await shoot(page, `stats-desktop-${theme}`);
  }
  // Labels are drawn at 12 px, not scaled down to fit.
  const labelSize = await scroller
    .locator('svg text')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);
  expect(labelSize).toBeGreaterThanOrEqual(11);

  await page.setViewportSize(PHONE);
  await page.reload();
  const today = page.locator('[data-today="true"]');
  await scroller.scrollIntoViewIfNeeded(); // page scroll only: the scroller keeps its own
  const [todayBox, scrollerBox] = [(await today.boundingBox())!, (await scroller.boundingBox())!];
  // The scroll area opens on today, not a year ago.
  expect(todayBox.x).toBeGreaterThanOrEqual(scrollerBox.x);
  expect(todayBox.x + todayBox.width).toBeLessThanOrEqual(scrollerBox.x + scrollerBox.width);
  await expect(today).toBeInViewport();
  await scroller.focus();
  await page.keyboard.press('ArrowLeft');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await checkA11y(page, `stats phone ${theme}`);
    await shoot(page, `stats-phone-${theme}`);
  }
  await setTheme(page, 'light');
});

test.describe('on a touch phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('review shows four equal grade buttons in a bottom bar and no key hints', async ({
    page,
  }) => {
    await signUp(page);
    await page.goto('/review');
    await expect(page.locator('progress.meter')).toBeVisible();
    await expect(page.locator('.key-hint').first()).toBeHidden();
    await page.getByTestId('reveal').click();
    const bar = page.getByTestId('grade-bar');
    await expect(bar).toBeVisible();
    const boxes = await Promise.all(
      [1, 2, 3, 4].map(async (g) => (await page.getByTestId(`grade-${g}`).boundingBox())!),
    );
    const widths = boxes.map((b) => Math.round(b.width));
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
    expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1); // one row, not 3 + 1
    const barBox = (await bar.boundingBox())!;
    expect(Math.round(barBox.y + barBox.height)).toBe(PHONE.height); // fixed to the bottom
    await checkA11y(page, 'review answer on a phone');
    // Viewport only: a full-page capture resizes the page and drops touch emulation.
    await page.screenshot({ path: 'test-results/screenshots/polish-review-phone.png' });
  });
});

test('settings: a past interview date is a form error; number inputs are not full width', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signUp(page);
  await page.goto('/review/settings');
  const width = (await page.getByLabel('New cards per day').boundingBox())!.width;
  expect(width).toBeLessThan(200);
  await page.getByLabel('Interview date (optional)').fill('2020-01-01');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#srs-interviewDate-error')).toContainText('in the past');
  await expect(page.getByLabel('Interview date (optional)')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByLabel('New day starts at (hour)').fill('4');
  await page.getByLabel('Interview date (optional)').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await checkA11y(page, 'settings');
  await shoot(page, 'settings-desktop');
  await page.goto('/review/stats');
  await expect(page.getByTestId('study-day')).toContainText('Europe/Berlin and start at 04:00');
});

test('lesson polish: highlighted code with a copy button, current section, score and next lesson', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize(DESKTOP);
  await page.goto('/lessons');
  const listed = await page
    .getByTestId('lesson-item-zero-trust-mtls-and-authorization')
    .textContent();
  const listedMinutes = /(\d+) min read/.exec(listed ?? '')?.[1];
  await expect(page.getByTestId('related-chapter').first().getByRole('link')).toHaveCount(0);
  await signUp(page);
  await page.goto('/lessons/zero-trust-mtls-and-authorization');
  await expect(page.getByTestId('reading-time')).toHaveText(`${listedMinutes} min read`);
  const code = page.locator('.lesson-body pre code').first();
  await expect(code.locator('[class^="hljs-"]').first()).toBeAttached();
  // The visitor's own state arrives after hydration; it must not make React throw away and
  // re-render the static lesson body (the reader's DOM, copy buttons and selection with it).
  await code.evaluate((el) => el.setAttribute('data-probe', 'kept'));
  await expect(page.getByRole('button', { name: 'Mark lesson complete' })).toBeVisible();
  await expect(page.locator('.lesson-body .copy-code').first()).toBeVisible();
  await expect(page.locator('.lesson-body pre code[data-probe="kept"]')).toHaveCount(1);
  const keyword = code.locator('[class^="hljs-"]').first();
  const [tokenColour, textColour] = await Promise.all([
    keyword.evaluate((el) => getComputedStyle(el).color),
    code.evaluate((el) => getComputedStyle(el).color),
  ]);
  expect(tokenColour).not.toBe(textColour);
  const copy = page.locator('.copy-code').first();
  await expect(copy).toHaveAccessibleName('Copy');
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await page.locator('.lesson-body pre').first().innerText(),
  );

  const heading = page.locator('.lesson-body h2[id]').nth(2);
  const id = await heading.getAttribute('id');
  await heading.scrollIntoViewIfNeeded();
  await page.evaluate((headingId) => document.getElementById(headingId!)?.scrollIntoView(), id);
  await expect(
    page.getByRole('complementary', { name: 'Table of contents' }).locator(`a[href="#${id}"]`),
  ).toHaveAttribute('aria-current', 'location');
  // Scrolled into the middle of a section longer than the screen, with no heading in view: the
  // marker stays on the heading scrolled past.
  const longSection = await page.evaluate(() => {
    const inToc = new Set(
      [...document.querySelectorAll<HTMLAnchorElement>('aside a[href^="#"]')].map((a) => a.hash),
    );
    const headings = [
      ...document.querySelectorAll<HTMLElement>('.lesson-body h2[id], .lesson-body h3[id]'),
    ].filter((h) => inToc.has(`#${h.id}`));
    const tops = headings.map((h) => h.getBoundingClientRect().top + window.scrollY);
    const gap = window.innerHeight * 0.8;
    const index = tops.findIndex((top, i) => i > 0 && (tops[i + 1] ?? Infinity) - top > gap);
    if (index < 0) return null;
    window.scrollTo(0, (tops[index] ?? 0) + window.innerHeight * 0.3);
    return headings[index]?.id ?? null;
  });
  expect(longSection, 'the lesson has a section longer than the screen').not.toBeNull();
  const toc = page.getByRole('complementary', { name: 'Table of contents' });
  await expect(toc.locator(`a[href="#${longSection}"]`)).toHaveAttribute(
    'aria-current',
    'location',
  );
  await expect(toc.locator('a[aria-current="location"]')).toHaveCount(1);
  await checkA11y(page, 'lesson signed in');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.locator('.lesson-body pre').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/polish-lesson-code-${theme}.png` });
    await checkA11y(page, `lesson ${theme}`);
  }
  await setTheme(page, 'light');

  const forms = page.getByTestId(/^self-check-(?!result|score)/);
  const first = forms.first();
  await first.getByRole('radio').first().check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByTestId('self-check-score')).toContainText(/Score: \d of \d+ correct/);
  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  const next = page.getByTestId('lesson-completion').getByRole('link', { name: /Next lesson/ });
  await expect(next).toHaveAttribute('href', '/lessons/observability-and-golden-telemetry');
  await page.setViewportSize(PHONE);
  await shoot(page, 'lesson-complete-phone');
});

test('search shows the matching passage, highlighted, linking to the section', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/search?q=retry%20budget');
  const results = page.getByTestId('search-results').getByRole('listitem');
  await expect(results.first().getByRole('link').first()).toHaveAttribute(
    'href',
    /^\/lessons\/resilience-retries-timeouts-circuit-breaking/,
  );
  const section = page
    .getByTestId('search-results')
    .getByRole('link', { name: /Resilience.*section/ })
    .first();
  await expect(section).toHaveAttribute('href', /#/);
  await expect(page.getByTestId('search-passage').locator('mark').first()).toHaveText(
    /retr|budget/i,
  );
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await checkA11y(page, `search ${theme}`);
    await shoot(page, `search-desktop-${theme}`);
  }
  await setTheme(page, 'light');
  await page.setViewportSize(PHONE);
  await shoot(page, 'search-phone');
  const href = await section.getAttribute('href');
  await section.click();
  await expect(page).toHaveURL(new RegExp(`${href!.split('#')[1]}$`));
});

test('a visitor answers a scenario without an account and is invited to save it', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto('/scenarios/justify-three-service-startup');
  await expect(page.getByTestId('anonymous-note')).toBeVisible();
  await page.getByRole('radio').first().check();
  await page
    .getByLabel(/justification/i)
    .fill(
      'Three services and one team: a mesh adds operational cost before it pays back; use library retries and TLS at the ingress first.',
    );
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('save-invite')).toContainText('not saved');
  await expect(page.getByTestId('save-invite').getByRole('link')).toHaveAttribute(
    'href',
    /sign-up/,
  );
  await checkA11y(page, 'anonymous scenario feedback');
  await shoot(page, 'scenario-anonymous-phone');
  await page.setViewportSize(DESKTOP);
  await shoot(page, 'scenario-anonymous-desktop');
});

test('the header paints the signed-in account area at once on a return visit', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signUp(page);
  // Hold the session request: what shows is the first paint, before it answers.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/auth/session', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/lessons');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign up' })).toBeHidden();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }),
  ).toBeVisible();
  release();
  await expect(page.getByTestId('signed-in-as')).toBeAttached();
});
