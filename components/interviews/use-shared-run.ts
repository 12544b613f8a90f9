'use client';

import { useEffect, useRef, useState } from 'react';
import { SimHost, type SimView } from '@/components/simulator/sim-host';
import type { SimConfig } from '@/lib/sim/config';
import type { ScriptEntry } from '@/lib/sim/replay';

// The shared simulator of a session: (config, seed, script, steps) from the event log, replayed
// by the deterministic engine, so every participant and the replay see the same numbers. Live
// updates that extend the script are applied incrementally; anything else re-runs from the start.

type Applied = { script: ScriptEntry[]; steps: number };

const extendsScript = (a: readonly ScriptEntry[], b: readonly ScriptEntry[]) =>
  a.length <= b.length &&
  a.every((entry, i) => entry === b[i] || JSON.stringify(entry) === JSON.stringify(b[i]));

export function useSharedRun({
  config,
  seed,
  script,
  steps,
}: {
  config: SimConfig;
  seed: number;
  script: ScriptEntry[];
  steps: number;
}) {
  const hostRef = useRef<SimHost | null>(null);
  const appliedRef = useRef<Applied | null>(null);
  const [view, setView] = useState<SimView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Deferred a tick so a burst of events costs one run, and typing never waits on the engine.
    const timer = setTimeout(() => {
      try {
        const applied = appliedRef.current;
        let host = hostRef.current;
        if (!host || !applied || !extendsScript(applied.script, script) || steps < applied.steps) {
          host = new SimHost();
          hostRef.current = host;
          setView(host.handle({ type: 'init', config, seed, script, steps, compare: null }));
        } else {
          const fresh = script.slice(applied.script.length);
          let current = applied.steps;
          let latest: SimView | null = null;
          for (const entry of fresh)
            if (entry.at === current)
              latest = host.handle({ type: 'enqueue', intent: entry.intent });
          while (current < steps) {
            latest = host.handle({ type: 'step' });
            current += 1;
            for (const entry of fresh)
              if (entry.at === current)
                latest = host.handle({ type: 'enqueue', intent: entry.intent });
          }
          if (latest) setView(latest);
        }
        appliedRef.current = { script, steps };
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [config, seed, script, steps]);

  return { view, error };
}
