'use client';

import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'mesh-dojo:two-button-mode';
const EVENT = 'mesh-dojo:two-button-mode';

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

function read(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/** Two-button (Again / Good) preference, kept in this browser's localStorage. */
export function useTwoButtonMode(): [boolean, (value: boolean) => void] {
  const value = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((next: boolean) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
    } catch {
      // Storage may be unavailable (private mode); the toggle then lasts for this page only.
    }
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return [value, set];
}
