import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO, checkA11y } from './helpers';

// Hostile or malformed input anywhere in a URL must give a page or a 4xx, never a 500.
const LONG = 'x'.repeat(10_000);
const PATHS = [
  '/lessons/does-not-exist',
  '/lessons/%00',
  '/lessons/..%2F..%2Fetc%2Fpasswd',
  `/lessons/${'a'.repeat(2_000)}`,
  '/search?q=',
  `/search?q=${LONG}`,
  '/search?q=%F0%9F%98%80%E2%80%8B%00',
  '/search?q=a&q=b',
  '/glossary?term=%3Cscript%3E',
  '/scenarios?kind=bogus&difficulty=99&competency=%00',
  '/scenarios/does-not-exist',
  '/scenarios/%3Cscript%3E',
  '/simulator?preset=does-not-exist',
  '/simulator?preset=retry-storm&seed=-1',
  '/simulator?config=%7B%22broken',
  `/simulator?config=${LONG}`,
  '/review',
  '/review/stats',
  '/review/settings',
  '/review/export/anki',
  '/review/export/deck-csv',
  '/review/export/history-csv',
  '/dashboard',
  '/sign-in?callbackUrl=javascript:alert(1)',
  '/sign-in?error=%FF',
  '/api/auth/session',
  '/api/auth/providers',
  '/api/health',
  '/teams',
  '/tracks',
  '/teams/does-not-exist',
  '/teams/%00/readiness?at=bogus',
  '/teams/x/tracks/y',
  '/teams/x/members/y',
  '/teams/x/export/progress',
  '/teams/x/export/readiness?at=%00',
  '/teams/join/short',
  `/teams/join/${'a'.repeat(2_000)}`,
  '/api/calendar/%00',
  `/api/calendar/${'a'.repeat(2_000)}`,
];

test('no URL answers 500, signed out or signed in', async ({ page, request }) => {
  const failures: string[] = [];
  for (const path of PATHS) {
    const response = await request.get(path, { maxRedirects: 0 });
    if (response.status() >= 500) failures.push(`signed out ${path} → ${response.status()}`);
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/dashboard');
  for (const path of PATHS) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    if (response.status() >= 500) failures.push(`signed in ${path} → ${response.status()}`);
  }
  expect(failures).toEqual([]);
});

test('malformed auth and API requests get a 4xx with a reason, not a stack trace', async ({
  request,
}) => {
  const posts = [
    request.post('/api/auth/callback/credentials', {
      data: 'not a form',
      headers: { 'content-type': 'text/plain' },
    }),
    request.post('/api/auth/callback/credentials', { form: { email: LONG, password: LONG } }),
    request.post('/api/auth/signout', { form: { csrfToken: 'forged' } }),
  ];
  for (const response of await Promise.all(posts)) {
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/at \w+ \(.*:\d+:\d+\)/);
  }
});

test('unknown lesson ids are not rendered on demand into the server cache', async ({ request }) => {
  for (const id of ['random-id-1', 'random-id-2', 'b'.repeat(1_500)]) {
    expect((await request.get(`/lessons/${id}`)).status()).toBe(404);
  }
  const serverDir = path.join(import.meta.dirname, '../../.next/server');
  const cached = readdirSync(serverDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.includes('random-id-'),
  );
  expect(cached).toEqual([]);
});

test('the missing-lesson page is a helpful, accessible 404', async ({ page }) => {
  const response = await page.goto('/lessons/does-not-exist');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkA11y(page, 'lesson 404');
});
