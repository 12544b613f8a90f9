/** The simulator benchmark's cases (npm run bench:sim, scripts/bench-sim-ab.ts). */
import { z } from 'zod';
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

const caseIdsSchema = z
  .string({ error: 'needs a comma-separated list of case ids' })
  .transform((raw) => raw.split(',').map((id) => id.trim()))
  .pipe(
    z.array(
      z.string().refine((id) => BENCH_CASES.some((c) => c.id === id), {
        error: (issue) =>
          `unknown case "${String(issue.input)}" (cases: ${BENCH_CASES.map((c) => c.id).join(', ')})`,
      }),
    ),
  );

/**
 * The cases named by a `--cases` / `--case` value (validated), or every case when the flag is
 * absent. Exits with a message and status 2 on a bad value.
 */
export function casesFromArg(flag: string, argv: readonly string[] = process.argv): BenchCase[] {
  const index = argv.indexOf(flag);
  if (index < 0) return BENCH_CASES;
  const parsed = caseIdsSchema.safeParse(argv[index + 1]);
  if (!parsed.success) {
    console.error(`${flag}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
    process.exit(2);
  }
  return BENCH_CASES.filter((c) => parsed.data.includes(c.id));
}
