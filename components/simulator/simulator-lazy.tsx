'use client';

import dynamic from 'next/dynamic';

// Loads the simulator bundle (engine + views) only on pages that show a simulator, after
// hydration; the server renders a placeholder.
/** Lazily loaded SimulatorApp (same props). */
export const SimulatorLazy = dynamic(() => import('./simulator-app').then((m) => m.SimulatorApp), {
  ssr: false,
  loading: () => (
    <p className="card" role="status">
      Loading the simulator…
    </p>
  ),
});
