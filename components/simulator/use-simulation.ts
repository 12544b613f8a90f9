'use client';

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { SimConfig } from '@/lib/sim/config';
import type { Decision, Intent } from '@/lib/sim/intents';
import type { ScriptEntry, SimHost, SimRequest, SimView } from './sim-host';
import type { SharedRun } from './share-url';

// The only seam between React and lib/sim: every engine call goes through the host, which
// runs in a Web Worker when the browser has one (and in the page otherwise, e.g. old runtimes).

type Pending = { req: SimRequest; resolve: (v: SimView) => void; reject: (e: Error) => void };

/** Auto-mode speeds: control-loop steps per wall-clock second. */
export const AUTO_SPEEDS = [0.5, 1, 2, 4] as const;

/** State and actions of one simulator instance. */
export type SimulationHandle = {
  view: SimView | null;
  error: string | null;
  busy: boolean;
  auto: boolean;
  speed: number;
  seed: number;
  /** Every intent queued so far with the step it was queued at (for share links and saving). */
  script: ScriptEntry[];
  /** The config the run started from. */
  initialConfig: SimConfig;
  lastDecision: Decision | null;
  step: () => void;
  setAuto: (on: boolean) => void;
  setSpeed: (speed: number) => void;
  reset: (seed?: number) => void;
  enqueue: (intent: Intent) => void;
  setCompare: (config: SimConfig | null) => void;
  compareConfig: SimConfig | null;
};

/** The in-page simulation host, loaded on first use. */
function inPageHost(ref: { current: Promise<SimHost> | null }): Promise<SimHost> {
  ref.current ??= import('./sim-host').then((m) => new m.SimHost());
  return ref.current;
}

/** Runs a simulation for `run` (config + seed + scripted intents, replayed for `run.steps` steps). */
export function useSimulation(runProp: SharedRun): SimulationHandle {
  // A server re-render (e.g. revalidatePath after saving or checking a run) passes an equal but
  // new `run` object; keep the old one so the simulation is not restarted from step 0.
  const [run, setRun] = useState(runProp);
  if (runProp !== run && JSON.stringify(runProp) !== JSON.stringify(run)) setRun(runProp);
  const workerRef = useRef<Worker | null>(null);
  // The in-page host (the whole engine) is only fetched when there is no worker: normally the
  // engine runs in the worker and the page's bundle does not carry it.
  const hostRef = useRef<Promise<SimHost> | null>(null);
  const pendingRef = useRef(new Map<number, Pending>());
  const idRef = useRef(0);
  const [view, setView] = useState<SimView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [auto, setAutoState] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [seed, setSeed] = useState(run.seed);
  const [script, setScript] = useState<ScriptEntry[]>(run.script);
  const [compareConfig, setCompareConfig] = useState<SimConfig | null>(null);
  const busyRef = useRef(false);

  const send = useCallback((req: SimRequest): Promise<SimView> => {
    const worker = workerRef.current;
    if (!worker) return inPageHost(hostRef).then((host) => host.handle(req));
    const id = ++idRef.current;
    return new Promise<SimView>((resolve, reject) => {
      pendingRef.current.set(id, { req, resolve, reject });
      worker.postMessage({ id, req });
    });
  }, []);

  const run1 = useCallback(
    async (req: SimRequest) => {
      busyRef.current = true;
      setBusy(true);
      try {
        const v = await send(req);
        setView(v);
        setError(null);
        return v;
      } catch (e) {
        // E.g. a step over its event budget: say so and stop Auto mode.
        setError(e instanceof Error ? e.message : String(e));
        setAutoState(false);
        return null;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [send],
  );

  // Start the worker once, then initialise (and replay a shared run).
  useEffect(() => {
    const pending = pendingRef.current;
    if (typeof Worker !== 'undefined') {
      try {
        const worker = new Worker(new URL('./sim.worker.ts', import.meta.url));
        worker.onmessage = (
          event: MessageEvent<{ id: number; view?: SimView; error?: string }>,
        ) => {
          const p = pending.get(event.data.id);
          if (!p) return;
          pending.delete(event.data.id);
          if (event.data.view) p.resolve(event.data.view);
          else p.reject(new Error(event.data.error ?? 'simulation failed'));
        };
        // If the worker script cannot load, fall back to the in-page host and redo what was
        // in flight (requests are replayable: init carries the whole script).
        worker.onerror = () => {
          worker.terminate();
          if (workerRef.current === worker) workerRef.current = null;
          void inPageHost(hostRef).then(
            (host) => {
              for (const [id, p] of [...pending]) {
                pending.delete(id);
                try {
                  p.resolve(host.handle(p.req));
                } catch (e) {
                  p.reject(e instanceof Error ? e : new Error(String(e)));
                }
              }
            },
            (e: unknown) => {
              for (const [id, p] of [...pending]) {
                pending.delete(id);
                p.reject(e instanceof Error ? e : new Error(String(e)));
              }
            },
          );
        };
        workerRef.current = worker;
      } catch {
        workerRef.current = null; // fall back to the in-page host
      }
    }
    send({
      type: 'init',
      config: run.config,
      seed: run.seed,
      script: run.script,
      steps: run.steps,
      compare: null,
    }).then(
      // Rendered as a transition (time-sliced): the first full render is the largest.
      (v) => startTransition(() => setView(v)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      workerRef.current?.terminate();
      workerRef.current = null;
      pending.clear();
    };
  }, [run, send]);

  const step = useCallback(() => {
    if (!busyRef.current) void run1({ type: 'step' });
  }, [run1]);

  // Auto mode: one step, then wait 1/speed s, until switched off. The engine work itself
  // happens in the worker, so the page stays responsive at any speed.
  useEffect(() => {
    if (!auto) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (cancelled) return;
      if (!busyRef.current) await run1({ type: 'step' });
      if (!cancelled) timer = setTimeout(tick, 1000 / speed);
    };
    timer = setTimeout(tick, 0);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [auto, speed, run1]);

  const reset = useCallback(
    (nextSeed?: number) => {
      const s = nextSeed ?? seed;
      setAutoState(false);
      setSeed(s);
      setScript(run.script);
      void run1({
        type: 'init',
        config: run.config,
        seed: s,
        script: run.script,
        steps: 0,
        compare: compareConfig,
      });
    },
    [run, run1, seed, compareConfig],
  );

  const enqueue = useCallback(
    (intent: Intent) => {
      setScript((prev) => [...prev, { at: view?.steps ?? 0, intent }]);
      void run1({ type: 'enqueue', intent });
    },
    [run1, view?.steps],
  );

  const setCompare = useCallback(
    (config: SimConfig | null) => {
      setCompareConfig(config);
      setAutoState(false);
      // Re-run both from the start on the same seed and script so the comparison is fair.
      void run1({
        type: 'init',
        config: run.config,
        seed,
        script,
        steps: view?.steps ?? 0,
        compare: config,
      });
    },
    [run, run1, seed, script, view?.steps],
  );

  const decisions = view?.summary.decisions ?? [];
  return {
    view,
    error,
    busy,
    auto,
    speed,
    seed,
    script,
    initialConfig: run.config,
    lastDecision: decisions.at(-1) ?? null,
    step,
    setAuto: setAutoState,
    setSpeed,
    reset,
    enqueue,
    setCompare,
    compareConfig,
  };
}
