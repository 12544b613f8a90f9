'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders `children` only once its box comes within `margin` of the viewport (or at once
 * where IntersectionObserver is missing). Until then a placeholder of `minHeight` holds the
 * space, so nothing below shifts when the content arrives. Lesson pages use it so the
 * simulator bundle does not load, parse and run while the learner is still reading the top.
 */
export function LoadWhenNear({
  children,
  minHeight,
  margin = '600px',
  placeholder,
}: {
  children: ReactNode;
  minHeight: string;
  margin?: string;
  placeholder: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [isNear, setIsNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') {
      queueMicrotask(() => setIsNear(true));
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setIsNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [margin]);
  return (
    <div ref={ref} style={isNear ? undefined : { minHeight }}>
      {isNear ? children : placeholder}
    </div>
  );
}
