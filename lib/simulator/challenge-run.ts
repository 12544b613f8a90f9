/**
 * Turns a challenge attempt into a replay job and its outcome into a verdict. The run always
 * starts from the challenge's own preset config, seed and setup: the learner supplies only
 * their intents and the step count. No database; used by the server and the tests.
 */
import { judgeChallenge, needsBaseline, setupScript } from '@/lib/sim/challenges';
import type { Challenge, ChallengeVerdict } from '@/lib/sim/challenges';
import type { SimConfig } from '@/lib/sim/config';
import type { ScriptEntry } from '@/lib/sim/replay';
import type { ReplayJob, ReplayOutcome } from './replay-job';

/** The replay job that checks an attempt (plus the baseline when a condition needs it). */
export function challengeJob(
  ch: Challenge & { preset: { config: SimConfig; seed: number } },
  learnerScript: ScriptEntry[],
  steps: number,
): ReplayJob {
  const setup = setupScript(ch);
  return {
    config: ch.preset.config,
    seed: ch.preset.seed,
    script: [...setup, ...learnerScript],
    steps,
    baselineScript: needsBaseline(ch) ? setup : undefined,
  };
}

/** The verdict for a finished replay. */
export function verdictOf(
  ch: Challenge,
  outcome: Extract<ReplayOutcome, { ok: true }>,
  learnerScript: ScriptEntry[],
  steps: number,
): ChallengeVerdict {
  return judgeChallenge(ch, {
    window: outcome.window,
    finalConfig: outcome.finalConfig,
    learnerScript,
    pendingIntents: outcome.pendingIntents,
    steps,
    baselineWindow: outcome.baselineWindow,
  });
}
