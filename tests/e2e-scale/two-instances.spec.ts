import { expect, test, type Page, type Response } from '@playwright/test';
import { DEMO, signIn, signUp } from '../e2e/helpers';

// Every request goes through nginx, which round-robins between two app instances over one
// PostgreSQL database and names the instance that answered in X-Upstream. A journey passes
// only if both instances served it and nothing broke on the hand-over: sessions, server
// actions (one build id, one action key) and the data written on the other instance.

// The same journeys run against two workers of one instance on SQLite (playwright.cluster.config.ts).
const SCALE_DATABASE = process.env.SCALE_DATABASE ?? 'postgresql';

function recordUpstreams(page: Page): { upstreams: Set<string>; failures: string[] } {
  const upstreams = new Set<string>();
  const failures: string[] = [];
  page.on('response', (response: Response) => {
    const upstream = response.headers()['x-upstream'];
    if (upstream) upstreams.add(upstream);
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (/Failed to find Server Action|Server Action .* was not found/i.test(message.text())) {
      failures.push(message.text());
    }
  });
  return { upstreams, failures };
}

test('sign in, review cards and answer a scenario while requests alternate between instances', async ({
  page,
}) => {
  const seen = recordUpstreams(page);
  await signUp(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The session cookie minted by one instance is honoured by the other on every load.
  for (let i = 0; i < 4; i += 1) {
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/dashboard$/);
  }

  await page.goto('/review');
  const card = page.getByTestId('review-card');
  await expect(card).toBeVisible();
  for (let i = 0; i < 6; i += 1) {
    const id = await card.getAttribute('data-card-id');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('review-answer')).toBeVisible();
    await page.keyboard.press('3');
    await expect(card).not.toHaveAttribute('data-card-id', id!);
  }
  await expect(page.getByTestId('review-progress')).toContainText('6 done');
  // Reviews written through either instance are all there after a reload.
  await page.goto('/review/stats');
  await expect(page.getByTestId('stat-reviews-today')).toHaveText('6');

  await page.goto('/scenarios/justify-three-service-startup');
  const form = page.getByTestId('attempt-form');
  await form.getByRole('radio').first().check();
  await form
    .getByLabel('Justification')
    .fill('Three services and one team: a mesh adds a control plane to run for little gain yet.');
  await form.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('scenario-feedback')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);

  expect(seen.failures).toEqual([]);
  expect([...seen.upstreams].sort()).toHaveLength(2);
});

test('the demo account signs in through either instance and health answers on both', async ({
  page,
  request,
}) => {
  const seen = recordUpstreams(page);
  await signIn(page, DEMO.email, DEMO.password);
  const upstreams = new Set<string>();
  for (let i = 0; i < 6; i += 1) {
    // A new connection each time: the workers of one instance share connections, not requests
    // (nginx balances requests either way).
    const response = await request.get('/api/ready', { headers: { Connection: 'close' } });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { status: string; database: string };
    expect(body).toMatchObject({ status: 'ready', database: SCALE_DATABASE });
    upstreams.add(response.headers()['x-upstream'] ?? '');
  }
  expect(upstreams.size).toBe(2);
  expect(seen.failures).toEqual([]);
});

test('an instance on PostgreSQL without a shared NEXTAUTH_SECRET refuses to start and says why', async () => {
  const { spawn } = await import('node:child_process');
  const { NEXTAUTH_SECRET: _omitted, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none',
  };
  const child = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', '3119'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 30_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code).toBe(1);
  expect(output).toContain('NEXTAUTH_SECRET is required with PostgreSQL');
});
