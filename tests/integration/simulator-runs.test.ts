import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { simConfigSchema } from '@/lib/sim/config';
import { createTestUser, setupTestDatabase } from './helpers/test-db';
import { session } from './helpers/fake-session';

// The session is the only thing faked: data access, the engine and SQLite are real.
vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

let cleanup: () => Promise<void>;
let runs: typeof import('@/lib/simulator/runs');
let actions: typeof import('@/app/(study)/simulator/actions');
let pool: typeof import('@/lib/simulator/replay-pool');
let health: typeof import('@/app/api/health/route');
let alice: { id: string; email: string };
let bob: { id: string; email: string };
const signInAs = (user: { id: string; email: string } | null) => {
  session.user = user ? { ...user, name: 'Test' } : null;
};

const config = simConfigSchema.parse({
  dataPlane: { mode: 'sidecar' },
  callers: [
    { name: 'frontend', rps: 200, calls: [['payments-svc']] },
    { name: 'batch-job', rps: 20, meshed: false, calls: [['payments-svc']] },
  ],
  services: [{ name: 'payments-svc', serviceTime: { meanMs: 1 } }],
});
const script = [
  {
    at: 1,
    intent: { type: 'set-mtls' as const, service: 'payments-svc', mode: 'strict' as const },
  },
];

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  runs = await import('@/lib/simulator/runs');
  actions = await import('@/app/(study)/simulator/actions');
  pool = await import('@/lib/simulator/replay-pool');
  health = await import('@/app/api/health/route');
  alice = await createTestUser();
  bob = await createTestUser();
});
afterAll(async () => cleanup());
beforeEach(() => signInAs(null));

describe('simulator runs', () => {
  it('saves a run with a server-computed summary and lists it for its owner only', async () => {
    signInAs(alice);
    const result = await actions.saveSimulatorRunAction({
      name: 'strict breaks batch',
      presetId: null,
      config,
      seed: 7,
      script,
      steps: 3,
    });
    expect(result.ok).toBe(true);
    const list = await runs.listSimulatorRuns({ userId: alice.id });
    expect(list).toHaveLength(1);
    expect(list[0]!.summary.steps).toBe(3);
    expect(list[0]!.summary.decisions).toBe(1);
    // STRICT from step 2 on rejects batch-job's ≈ 1/11 of calls in the last two of three steps.
    expect(list[0]!.summary.errorRate).toBeGreaterThan(0.03);
    expect(list[0]!.script).toEqual(script);

    signInAs(bob);
    await expect(runs.listSimulatorRuns({ userId: alice.id })).rejects.toThrow(/own/);
    expect(await runs.listSimulatorRuns({ userId: bob.id })).toEqual([]);
  });

  it('rejects bad input with field errors and anonymous saves with a message', async () => {
    expect(
      await actions.saveSimulatorRunAction({
        name: 'x',
        presetId: null,
        config,
        seed: 1,
        script: [],
        steps: 1,
      }),
    ).toEqual({
      ok: false,
      message: 'Sign in to save runs.',
    });
    signInAs(alice);
    const bad = await actions.saveSimulatorRunAction({
      name: '',
      presetId: null,
      config: { callers: [] },
      seed: -1,
      script: [],
      steps: 1,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(Object.keys(bad.fieldErrors ?? {})).toEqual(
        expect.arrayContaining(['name', 'config', 'seed']),
      );
  });

  it('deletes only the owner’s run', async () => {
    signInAs(alice);
    const [run] = await runs.listSimulatorRuns({ userId: alice.id });
    const form = new FormData();
    form.set('runId', run!.id);
    signInAs(bob);
    await actions.deleteSimulatorRunAction(form);
    signInAs(alice);
    expect(await runs.listSimulatorRuns({ userId: alice.id })).toHaveLength(1);
    await actions.deleteSimulatorRunAction(form);
    expect(await runs.listSimulatorRuns({ userId: alice.id })).toHaveLength(0);
  });

  it('refuses a huge save up front, with a clear message and nothing stored', async () => {
    signInAs(alice);
    // The example: rps 10,000 through 8 services for 20 steps (≈ 100 M events).
    const names = Array.from({ length: 8 }, (_, i) => `svc-${i}`);
    const huge = simConfigSchema.parse({
      dataPlane: { mode: 'sidecar' },
      callers: [{ name: 'load', rps: 10_000, calls: [[names[0]]] }],
      services: names.map((name, i) => ({
        name,
        workers: 64,
        serviceTime: { meanMs: 0.5 },
        calls: i < 7 ? [[names[i + 1]]] : [],
      })),
    });
    const before = await runs.listSimulatorRuns({ userId: alice.id });
    const t0 = performance.now();
    const result = await actions.saveSimulatorRunAction({
      name: 'huge',
      presetId: null,
      config: huge,
      seed: 1,
      script: [],
      steps: 20,
    });
    const elapsed = performance.now() - t0;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/cannot be saved: .*simulated events.*budget/);
    expect(elapsed).toBeLessThan(5000); // refused by the estimate, not after a 20 s replay
    expect(await runs.listSimulatorRuns({ userId: alice.id })).toHaveLength(before.length);
  });

  it('replays off the request thread: /api/health answers while a long replay runs, which then times out', async () => {
    // Within the event budget but slow enough to outlast a 300 ms timeout.
    const slow = simConfigSchema.parse({
      dataPlane: { mode: 'sidecar' },
      callers: [{ name: 'load', rps: 20_000, calls: [['a']] }],
      services: [{ name: 'a', workers: 64, serviceTime: { meanMs: 1 } }],
    });
    const replay = pool.replayInWorker(
      { config: slow, seed: 1, script: [], steps: 5, maxEvents: 1e9 },
      { timeoutMs: 300 },
    );
    let replayDone = false;
    void replay.then(() => (replayDone = true));
    // Give the worker time to start computing, then ask for health while it is busy.
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const res = await health.GET();
    const healthMs = performance.now() - t0;
    expect(res.status).toBe(200);
    expect(replayDone).toBe(false);
    expect(healthMs).toBeLessThan(250);
    const outcome = await replay;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toBe('timeout');
  });
});
