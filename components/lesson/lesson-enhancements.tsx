'use client';

import { useEffect } from 'react';
import { currentHeading } from '@/lib/content/current-heading';

/**
 * Small progressive enhancements over the static lesson HTML, in one effect with no React
 * state (so it costs almost nothing to hydrate): a "Copy" button on every code block, and
 * the table of contents marks the section being read (`aria-current="location"`).
 */
export function LessonEnhancements() {
  useEffect(() => {
    const cleanups: Array<() => void> = [];
    // After hydration, when the browser is idle: the DOM changes below then run in their own
    // short task instead of lengthening the hydration task.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => enhance(cleanups), { timeout: 1000 });
      cleanups.push(() => cancelIdleCallback(handle));
    } else {
      const handle = setTimeout(() => enhance(cleanups), 0);
      cleanups.push(() => clearTimeout(handle));
    }
    return () => cleanups.forEach((cleanup) => cleanup());
  }, []);
  return null;
}

/** Adds the copy buttons and the current-section marker; pushes its teardown to `cleanups`. */
function enhance(cleanups: Array<() => void>): void {
  const body = document.querySelector<HTMLElement>('.lesson-body');
  if (!body) return;

  for (const pre of body.querySelectorAll<HTMLPreElement>('pre')) {
    if (pre.parentElement?.classList.contains('code-block')) continue;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code btn btn-secondary';
    button.textContent = 'Copy';
    button.addEventListener('click', () => {
      void navigator.clipboard
        ?.writeText(pre.innerText)
        .then(() => {
          button.textContent = 'Copied';
          setTimeout(() => (button.textContent = 'Copy'), 2000);
        })
        .catch(() => (button.textContent = 'Copy failed'));
    });
    wrapper.append(button);
  }

  const headings = [...body.querySelectorAll<HTMLElement>('h2[id], h3[id]')];
  const links = [...document.querySelectorAll<HTMLAnchorElement>('nav a[href^="#"]')].filter(
    (link) => headings.some((heading) => link.hash === `#${heading.id}`),
  );
  const mark = (id: string) => {
    for (const link of links) {
      if (link.hash === `#${id}`) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    }
  };
  if (headings.length > 0 && typeof IntersectionObserver !== 'undefined') {
    // Where each heading was at its last observation, from the observer's own entries: asking
    // the headings for their positions here (getBoundingClientRect) would force a layout of every
    // `content-visibility: auto` section the browser had skipped, ~100 ms on a long lesson.
    const positions = new Map<string, { visible: boolean; above: boolean }>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          positions.set(entry.target.id, {
            visible: entry.isIntersecting,
            above: !entry.isIntersecting && entry.boundingClientRect.top < 0,
          });
        }
        const current = currentHeading(
          headings.map((heading) => heading.id),
          positions,
        );
        if (current) mark(current);
      },
      { rootMargin: '0px 0px -60% 0px' },
    );
    headings.forEach((heading) => observer.observe(heading));
    cleanups.push(() => observer.disconnect());
  }
}
