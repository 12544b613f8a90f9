'use client';

import { useSyncExternalStore } from 'react';

/*
 * The header's view of the session, fetched from next-auth's JSON endpoint. This replaces
 * next-auth/react's SessionProvider in the root layout, which would ship ~12 kB (gzip) to
 * every page, static lesson pages included; only the sign-in forms load next-auth/react.
 */
export type ClientSession =
  { status: 'loading' } | { status: 'unauthenticated' } | { status: 'authenticated'; name: string };

const LOADING: ClientSession = { status: 'loading' };
let current: ClientSession = LOADING;
let requestSeq = 0;
const listeners = new Set<() => void>();

/** localStorage key of the last known sign-in state, read before first paint (app/layout.tsx). */
export const SESSION_HINT_KEY = 'session-hint';

function publish(next: ClientSession): void {
  current = next;
  try {
    localStorage.setItem(SESSION_HINT_KEY, next.status === 'authenticated' ? 'in' : 'out');
    document.documentElement.dataset.session = next.status === 'authenticated' ? 'in' : 'out';
  } catch {
    // Storage can be unavailable (private mode); the hint is only a first-paint nicety.
  }
  listeners.forEach((listener) => listener());
}

function nameFrom(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('user' in body)) return null;
  const user = (body as { user: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const name = (user as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

/**
 * Re-reads the session (after signing in, for example) and updates every subscriber. Only
 * the newest request's answer is published, so a slow earlier read cannot overwrite it.
 */
export function refreshSession(): Promise<void> {
  const seq = ++requestSeq;
  return fetch('/api/auth/session', { cache: 'no-store', credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : null))
    .then((body: unknown) => nameFrom(body))
    .catch(() => null)
    .then((name) => {
      if (seq !== requestSeq) return;
      publish(name === null ? { status: 'unauthenticated' } : { status: 'authenticated', name });
    });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (current.status === 'loading' && requestSeq === 0) void refreshSession();
  return () => listeners.delete(listener);
}

/** The current session state for client components. */
export function useClientSession(): ClientSession {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => LOADING,
  );
}

/** Signs out through next-auth's CSRF-protected endpoint, then loads the landing page. */
export async function signOutAndLeave(): Promise<void> {
  try {
    const csrf = (await (await fetch('/api/auth/csrf', { cache: 'no-store' })).json()) as {
      csrfToken?: string;
    };
    await fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? '', json: 'true' }),
    });
  } finally {
    // A full load on purpose: it drops every client-side cache that held the user's data.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign('/');
  }
}
