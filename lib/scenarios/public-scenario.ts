import type { Scenario } from '@/lib/content/scenario-schema';

// What the browser may see before an attempt: no correct answers, rubric, wrong turns or
// model answers (those come back only in the graded action result).

/** The answer format without the correct answer. */
export type PublicAnswerFormat =
  | { type: 'choice'; options: Array<{ id: string; label: string }> }
  | { type: 'order'; items: Array<{ id: string; label: string }> }
  | { type: 'number'; unit: string };

/** A scenario as sent to the attempt form. */
export type PublicScenario = {
  id: string;
  kind: Scenario['kind'];
  title: string;
  question: string;
  answer: PublicAnswerFormat;
  presetId: string | null;
  prediction: { prompt: string; options: Array<{ id: string; label: string }> } | null;
};

/** Rotates rollout steps by a fixed amount so the initial order is never the answer. */
function scrambled<T>(items: readonly T[]): T[] {
  if (items.length < 2) return [...items];
  const reversed = [...items].reverse();
  const shift = Math.floor(items.length / 2);
  return [...reversed.slice(shift), ...reversed.slice(0, shift)];
}

/** Strips everything that would reveal the answer. */
export function toPublicScenario(scenario: Scenario): PublicScenario {
  const spec = scenario.answer;
  const answer: PublicAnswerFormat =
    spec.type === 'choice'
      ? { type: 'choice', options: spec.options.map(({ id, label }) => ({ id, label })) }
      : spec.type === 'order'
        ? { type: 'order', items: scrambled(spec.items.map(({ id, label }) => ({ id, label }))) }
        : { type: 'number', unit: spec.unit };
  const prediction = scenario.simulator?.prediction;
  return {
    id: scenario.id,
    kind: scenario.kind,
    title: scenario.title,
    question: scenario.question,
    answer,
    presetId: scenario.simulator?.presetId ?? null,
    prediction: prediction
      ? {
          prompt: prediction.prompt,
          options: prediction.options.map(({ id, label }) => ({ id, label })),
        }
      : null,
  };
}
