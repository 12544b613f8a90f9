'use client';

import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { startTransition, useEffect, useRef, useState } from 'react';
import type { SimulatorApp } from './simulator-app';

// The simulator bundle (engine + views) is fetched only when its place on the page is about to
// scroll into view (IntersectionObserver, 600 px ahead), after hydration; the server renders a
// placeholder. The wrapper reserves a screen's height so nothing below jumps when it loads.
const LazyApp = dynamic(() => import('./simulator-app').then((m) => m.SimulatorApp), {
  ssr: false,
  loading: () => <Placeholder />,
});

function Placeholder() {
  return (
    <p className="card" role="status">
      Loading the simulator…
    </p>
  );
}

/** Lazily loaded SimulatorApp (same props). */
export function SimulatorLazy(props: ComponentProps<typeof SimulatorApp>) {
  const ref = useRef<HTMLDivElement>(null);
  const [show, setShow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setShow(true);
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          // A transition: React renders the (large) app in time slices, so the main thread
          // never blocks for long while it mounts.
          startTransition(() => setShow(true));
          io.disconnect();
        }
      },
      { rootMargin: '600px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, []);
  return (
    <div ref={ref} className="min-h-screen" data-testid="simulator-slot">
      {show ? <LazyApp {...props} /> : <Placeholder />}
    </div>
  );
}
