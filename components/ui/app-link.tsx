'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type AppLinkProps = ComponentProps<typeof Link>;

/**
 * `next/link` that prefetches on intent — pointer over, keyboard focus or touch start — instead of
 * as soon as the link scrolls into view. Next's viewport prefetch requested every visible target
 * (17 RSC payloads on a lesson page: the nav twice over, breadcrumbs, next lesson) and decoded
 * each on the main thread while the page was still loading, about an eighth of a lesson page's
 * main-thread time (docs/performance.md, session 7). An intent gives the fetch the 100–300 ms
 * between hover or touch and click, which covers a prefetch on this app's pages. An explicit
 * `prefetch` prop (e.g. `false`) is passed through unchanged.
 */
export default function AppLink({
  prefetch,
  href,
  onPointerEnter,
  onFocus,
  onTouchStart,
  ...props
}: AppLinkProps) {
  const router = useRouter();
  const target = typeof href === 'string' ? href : null;
  const prefetchOnIntent =
    prefetch === undefined && target !== null && target.startsWith('/') && !target.startsWith('//');
  /** The caller's own handler, after a prefetch of the target when that is ours to do. */
  const withIntent =
    <E,>(handler: ((event: E) => void) | undefined) =>
    (event: E) => {
      if (prefetchOnIntent) router.prefetch(target);
      handler?.(event);
    };
  return (
    <Link
      {...props}
      href={href}
      prefetch={prefetch ?? false}
      onPointerEnter={withIntent(onPointerEnter)}
      onFocus={withIntent(onFocus)}
      onTouchStart={withIntent(onTouchStart)}
    />
  );
}
