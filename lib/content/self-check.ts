import { gradeShortAnswer } from '@/lib/grading/short-answer';
import type { SelfCheckQuestion } from './schemas';

/** A self-check question without its answer key, safe to send to the browser. */
export type PublicSelfCheckQuestion =
  | { id: string; type: 'choice'; prompt: string; options: string[] }
  | { id: string; type: 'short'; prompt: string };

export type SelfCheckResult = {
  isCorrect: boolean;
  /** The correct option's text, or the model answer for short questions. */
  correctAnswer: string;
  explanation: string;
  /** Why a short answer was not accepted (negated, not in English), when there is a reason. */
  reason?: string;
};

export const MAX_SHORT_ANSWER_LENGTH = 1000;

export function toPublicQuestion(question: SelfCheckQuestion): PublicSelfCheckQuestion {
  return question.type === 'choice'
    ? { id: question.id, type: 'choice', prompt: question.prompt, options: question.options }
    : { id: question.id, type: 'short', prompt: question.prompt };
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Grades one answer. Choice answers are the option index as a string; short answers are
 * correct when they name an accepted phrase (or a paraphrase of it) without negating it.
 * Returns null when the answer is malformed (not an option index, empty or too long).
 */
export function gradeSelfCheckAnswer(question: SelfCheckQuestion, answer: string): SelfCheckResult | null {
  if (question.type === 'choice') {
    if (!/^\d+$/.test(answer)) return null;
    const index = Number(answer);
    const correctOption = question.options[question.answer];
    if (index >= question.options.length || correctOption === undefined) return null;
    return { isCorrect: index === question.answer, correctAnswer: correctOption, explanation: question.explanation };
  }
  const given = normalize(answer);
  if (given === '' || answer.length > MAX_SHORT_ANSWER_LENGTH) return null;
  // Same machinery as the scenario grader: lemmas, paraphrases and negation scope.
  const verdict = gradeShortAnswer(answer, question.accept);
  return {
    isCorrect: verdict.isCorrect,
    correctAnswer: question.sampleAnswer,
    explanation: question.explanation,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
  };
}
