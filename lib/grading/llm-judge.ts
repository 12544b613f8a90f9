// The optional model judge, pure part: the fixed prompt, the messages for one attempt, the zod
// schema its JSON answer must satisfy, and how a valid judgement replaces the rubric score.
// The HTTP call lives in lib/scenarios/llm-judge-client.ts; the rubric grader stays the default
// and the fallback whenever the model is slow, unreachable or answers anything but valid JSON.
import { z } from 'zod';
import type { GradableScenario, GradeResult } from './types';

/** The fixed system prompt (versioned: change the version when the wording changes). */
export const JUDGE_PROMPT_VERSION = 'judge-v1';
export const JUDGE_SYSTEM_PROMPT = [
  'You are a senior platform engineer grading a learner’s answer to a service-mesh scenario.',
  'Grade the reasoning, not the vocabulary: credit a rubric point only when the answer applies it to',
  'the facts of this case. A point stated in reverse, a false claim about a mesh, hedging without',
  'committing, or buzzwords without an argument earn no credit. A wrong decision scores at most 15.',
  'Answers in any language are graded on their content.',
  'Reply with JSON only, no prose, exactly of the form:',
  '{"score": <integer 0-100>, "criteria": [{"id": "<rubric id>", "met": <true|false>, "reason": "<one sentence>"}],',
  ' "summary": "<two sentences of feedback for the learner>"}',
].join('\n');

/** Longest judge reply accepted, in characters (a bound on parsing work). */
export const MAX_JUDGE_REPLY_CHARS = 20_000;

/** The JSON the model must return. */
export const judgeReplySchema = z.strictObject({
  score: z.int().min(0).max(100),
  criteria: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(80),
        met: z.boolean(),
        reason: z.string().max(600),
      }),
    )
    .max(20),
  summary: z.string().min(1).max(1200),
});
export type JudgeReply = z.infer<typeof judgeReplySchema>;

/** Chat messages for one attempt (system prompt + the case, rubric and answer as JSON). */
export function buildJudgeMessages(
  scenario: GradableScenario,
  answer: { decision: unknown; justification: string },
  decisionCorrect: boolean,
): Array<{ role: 'system' | 'user'; content: string }> {
  const payload = {
    scenario: {
      id: scenario.id,
      question: scenario.question ?? '',
      context: scenario.context ?? '',
    },
    expectedDecisionWhy: scenario.why,
    decisionIsCorrect: decisionCorrect,
    rubric: scenario.rubric.map((criterion) => ({
      id: criterion.id,
      concept: criterion.concept,
      weight: criterion.weight,
    })),
    commonMistakes: scenario.wrongTurns.map((turn) => turn.feedback),
    answer: { decision: answer.decision, justification: answer.justification },
  };
  return [
    { role: 'system', content: JUDGE_SYSTEM_PROMPT },
    { role: 'user', content: JSON.stringify(payload) },
  ];
}

/** Parses the model's reply (optionally wrapped in a ```json fence); null when it is not valid. */
export function parseJudgeReply(content: string, scenario: GradableScenario): JudgeReply | null {
  if (content.length > MAX_JUDGE_REPLY_CHARS) return null;
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(unfenced);
  } catch {
    return null;
  }
  const parsed = judgeReplySchema.safeParse(raw);
  if (!parsed.success) return null;
  // Every criterion the model reports must be a rubric id (no invented points).
  const ids = new Set(scenario.rubric.map((criterion) => criterion.id));
  if (parsed.data.criteria.some((criterion) => !ids.has(criterion.id))) return null;
  return parsed.data;
}

/** The rubric result with the model's score, criteria verdicts and summary; `gradedBy: 'model'`. */
export function applyJudgement(rubric: GradeResult, reply: JudgeReply): GradeResult {
  const verdicts = new Map(reply.criteria.map((criterion) => [criterion.id, criterion]));
  return {
    ...rubric,
    score: reply.score,
    criteria: rubric.criteria.map((criterion) => {
      const verdict = verdicts.get(criterion.id);
      if (!verdict) return criterion;
      return {
        ...criterion,
        status: verdict.met ? 'hit' : 'missed',
        feedback: verdict.reason || criterion.feedback,
      };
    }),
    summary: `${reply.score}/100 (model judge). ${reply.summary} Rubric grader: ${rubric.score}/100.`,
    gradedBy: 'model',
  };
}
