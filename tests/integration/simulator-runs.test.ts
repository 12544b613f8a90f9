import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { simConfigSchema } from '@/lib/sim/config';
import { createTestUser, setupTestDatabase } from './helpers/test-db';

// The session is the only thing faked: data access, the engine and SQLite are real.
const session = vi.hoisted(() => ({
  user: null as { id: string; email: string; name: string } | null,
}));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error('redirect /sign-in');
    return session.user;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

let cleanup: () => Promise<void>;
let runs: typeof import('@/lib/simulator/runs');
let actions: typeof import('@/app/(study)/simulator/actions');
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
});
