import { expect, test, type APIRequestContext } from '@playwright/test';
import { checkA11y, signUp, snap } from './helpers';

// The rendered-page cache of the front door (lib/cache/page-cache.ts): a repeat view of a
// signed-in page is served from memory, only to the same session, and a write through the app
// (here: a review) or a sign-out drops it at once.

/** Requests `path` until the front door serves it from its page cache (at most 6 tries). */
async function untilHit(request: APIRequestContext, path: string) {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    if (response.headers()['x-page-cache'] === 'hit') return response;
  }
  throw new Error(`${path} was never served from the page cache`);
}

test('repeat views are cached per session and dropped by a review and by sign-out', async ({
  browser,
}) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  const bob = await bobContext.newPage();
  await signUp(alice, { name: 'Alice Cache' });
  await signUp(bob, { name: 'Bob Cache' });

  // Each person's cached dashboard is their own, with a fresh CSP nonce on every response.
  const aliceHit = await untilHit(alice.request, '/dashboard');
  const aliceHtml = await aliceHit.text();
  expect(aliceHtml).toContain('Alice Cache');
  expect(aliceHtml).not.toContain('Bob Cache');
  const bobHtml = await (await untilHit(bob.request, '/dashboard')).text();
  expect(bobHtml).toContain('Bob Cache');
  expect(bobHtml).not.toContain('Alice Cache');
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  const again = await untilHit(alice.request, '/dashboard');
  const nonce = nonceOf(again.headers()['content-security-policy']);
  expect(nonce).toBeTruthy();
  expect(nonce).not.toBe(nonceOf(aliceHit.headers()['content-security-policy']));
  expect(await again.text()).toContain(`nonce="${nonce}"`);

  // A reload asks for a fresh render, as from any HTTP cache.
  const reload = await alice.request.get('/dashboard', {
    headers: { 'cache-control': 'no-cache' },
  });
  expect(reload.headers()['x-page-cache']).toBeUndefined();

  // A review through the app drops Alice's cached pages at once (not only when they expire):
  // the dashboard served from memory just before the review is rendered afresh right after it.
  await alice.goto('/dashboard');
  const streak = alice.getByTestId('flashcards-dashboard-card').locator('dd').nth(2);
  await expect(streak).toHaveText(/^0/);
  // Interviews exist: the dashboard links to them instead of calling them planned.
  await expect(
    alice.getByTestId('area-interviews').getByRole('link', { name: 'Interviews' }),
  ).toHaveAttribute('href', '/interviews');
  await expect(alice.getByText('Not built yet')).toHaveCount(0);
  await alice.goto('/review');
  await alice.getByTestId('review-card').waitFor();
  const streakIn = (html: string) => /Streak<\/dt><dd[^>]*>(\d+)/.exec(html)?.[1];
  expect(streakIn(await (await untilHit(alice.request, '/dashboard')).text())).toBe('0');
  await alice.keyboard.press('Space');
  await expect(alice.getByTestId('review-answer')).toBeVisible();
  await alice.keyboard.press('3');
  await expect(alice.getByTestId('review-progress')).toContainText('1 done');
  const afterReview = await alice.request.get('/dashboard');
  expect(afterReview.headers()['x-page-cache']).toBe('miss');
  expect(streakIn(await afterReview.text())).toBe('1');
  await alice.goto('/dashboard');
  await expect(streak).toHaveText(/^1/);
  await checkA11y(alice, 'dashboard after a review (page cache)');
  await snap(alice, 'page-cache-dashboard-after-review');
  // Bob's cached page is untouched by Alice's write and still his.
  expect(await (await untilHit(bob.request, '/dashboard')).text()).toContain('Bob Cache');

  // Sign-out: a copy of the cookie, whose /review was just served from memory, gets no cached
  // page after it, only the way to sign in.
  const replay = await browser.newContext();
  await replay.addCookies(await aliceContext.cookies());
  await untilHit(replay.request, '/review');
  await alice.getByRole('button', { name: 'Sign out' }).first().click();
  await alice.waitForURL((url) => !url.pathname.startsWith('/dashboard'));
  const stale = await replay.request.get('/review', { maxRedirects: 0 });
  expect(stale.headers()['x-page-cache']).not.toBe('hit');
  expect(stale.status()).not.toBe(200);

  await Promise.all([aliceContext.close(), bobContext.close(), replay.close()]);
});
