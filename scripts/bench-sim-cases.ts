/** The simulator benchmark's cases (npm run bench:sim, scripts/bench-sim-ab.ts). */
import type { SimConfigInput } from '@/lib/sim/config';

/** A benchmark case: its id for --cases / --case, its printed name and its config. */
export type BenchCase = { id: string; name: string; config: SimConfigInput };

export const BENCH_CASES: BenchCase[] = [
  {
    id: 'mm1',
    name: 'M/M/1 (ρ=0.8, no mesh)',
    config: {
      networkMs: 0,
      callers: [{ name: 'load', rps: 800, calls: [['queue']] }],
      services: [{ name: 'queue', workers: 1, serviceTime: { kind: 'exponential', meanMs: 1 } }],
    },
  },
  {
    id: 'mm4',
    name: 'M/M/4 (ρ=0.8, no mesh)',
    config: {
      networkMs: 0,
      callers: [{ name: 'load', rps: 3200, calls: [['queue']] }],
      services: [{ name: 'queue', workers: 4, serviceTime: { kind: 'exponential', meanMs: 1 } }],
    },
  },
  {
    id: 'chain',
    name: '3-service sidecar chain (istio-1.24)',
    config: {
      dataPlane: { mode: 'sidecar', profile: 'istio-1.24' },
      callers: [{ name: 'frontend', rps: 1000, calls: [['payments-svc']] }],
      services: [
        {
          name: 'payments-svc',
          replicas: 2,
          workers: 4,
          serviceTime: { kind: 'exponential', meanMs: 2 },
          calls: [['profile-svc']],
        },
        {
          name: 'profile-svc',
          replicas: 2,
          workers: 4,
          serviceTime: { kind: 'exponential', meanMs: 2 },
          calls: [['inventory-svc']],
        },
        {
          name: 'inventory-svc',
          replicas: 2,
          workers: 4,
          serviceTime: { kind: 'exponential', meanMs: 2 },
        },
      ],
    },
  },
];
