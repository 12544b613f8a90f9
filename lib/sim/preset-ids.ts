/** The preset ids shared with lessons and scenarios (formats.md); one list for the whole app. */
export const PRESET_IDS = [
  'baseline-no-mesh',
  'sidecar-overhead-profiles',
  'ambient-vs-sidecar-cost',
  'retry-storm',
  'timeout-rescue',
  'circuit-breaker-overload',
  'strict-mtls-unmeshed-caller',
  'deny-vs-allow',
  'canary-bad-v2',
  'fault-injection-disables-retries',
] as const;

/** A preset id. */
export type PresetId = (typeof PRESET_IDS)[number];
