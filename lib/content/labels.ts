import type { CompetencyTag } from './schemas';
import type { ScenarioKind } from './scenario-schema';
import type { PresetId } from '@/lib/sim/preset-ids';

// Human labels for every slug the UI shows: one map per kind of slug, used everywhere a slug
// would otherwise reach the screen. Typed as complete records, so a new slug without a label
// fails type-checking.

export const COMPETENCY_LABELS: Record<CompetencyTag, string> = {
  mtls: 'mTLS and identity',
  'traffic-policy': 'Traffic policy',
  resilience: 'Resilience',
  observability: 'Observability',
  rollout: 'Rollout',
  'mesh-choice': 'Choosing a mesh',
  'adoption-cost': 'Adoption cost',
};

export const SCENARIO_KIND_LABELS: Record<ScenarioKind, string> = {
  justify: 'Justify',
  choose: 'Choose a mesh',
  rollout: 'Order a rollout',
  diagnose: 'Diagnose',
  estimate: 'Estimate',
};

export const DIFFICULTY_LABELS: Record<1 | 2 | 3, string> = { 1: 'Junior', 2: 'Mid', 3: 'Senior' };

export const PRESET_LABELS: Record<PresetId, string> = {
  'baseline-no-mesh': 'Baseline without a mesh',
  'sidecar-overhead-profiles': 'Sidecar overhead profiles',
  'ambient-vs-sidecar-cost': 'Ambient vs sidecar cost',
  'retry-storm': 'Retry storm',
  'timeout-rescue': 'Timeout rescue',
  'circuit-breaker-overload': 'Circuit breaker under overload',
  'strict-mtls-unmeshed-caller': 'Strict mTLS with an unmeshed caller',
  'deny-vs-allow': 'Deny vs allow policies',
  'canary-bad-v2': 'Canary with a bad v2',
  'fault-injection-disables-retries': 'Fault injection disables retries',
};

function lookup(labels: Record<string, string>, slug: string): string {
  return Object.hasOwn(labels, slug) ? (labels[slug] as string) : humanize(slug);
}

/** Fallback for a slug without a label: "adoption-cost" → "Adoption cost". */
export function humanize(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Human label of a competency tag. */
export const competencyLabel = (tag: string): string => lookup(COMPETENCY_LABELS, tag);
/** Human label of a scenario kind. */
export const scenarioKindLabel = (kind: string): string => lookup(SCENARIO_KIND_LABELS, kind);
/** Human label of a difficulty 1..3. */
export const difficultyLabel = (difficulty: number): string =>
  lookup(DIFFICULTY_LABELS, String(difficulty));
/** Human label of a simulator preset id. */
export const presetLabel = (presetId: string): string => lookup(PRESET_LABELS, presetId);
