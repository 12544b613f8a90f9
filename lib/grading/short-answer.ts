// Lesson self-check short answers, graded with the scenario machinery: accepted phrases plus the
// paraphrases of the lexicon concepts they name, lemmas, and negation scope, so "There is no
// operational risk and no complexity at all." is not accepted for "complexity". Pure.
import { linkConcepts } from './concepts';
import { cachedLemmaOffsets } from './lemmas';
import { compilePhrases, findOccurrences } from './match';
import { detectLanguage } from './style';
import { analyzeText } from './text';

/** Verdict for one short answer; `reason` explains a rejection to the learner. */
export type ShortAnswerVerdict = {
  isCorrect: boolean;
  /** The learner's words that matched, when correct. */
  matched?: string;
  reason?: string;
};

/** Grades a short answer against accepted phrases (and their paraphrases), negation-aware. */
export function gradeShortAnswer(answer: string, accept: readonly string[]): ShortAnswerVerdict {
  const analyzed = analyzeText(answer, cachedLemmaOffsets);
  const language = detectLanguage(analyzed);
  const phrases = compilePhrases([
    ...accept,
    ...linkConcepts(accept).flatMap((concept) => concept.paraphrases),
  ]);
  const occurrences = findOccurrences(analyzed, phrases);
  const affirmed = occurrences.find((occurrence) => !occurrence.negated);
  const denied = occurrences.find((occurrence) => occurrence.negated);
  // A denial anywhere ("no complexity at all") outweighs a passing mention elsewhere.
  if (denied)
    return {
      isCorrect: false,
      reason: `You wrote “${denied.text}” in a negated way, which says the opposite of the expected answer.`,
    };
  if (affirmed) return { isCorrect: true, matched: affirmed.text };
  if (!language.isEnglish)
    return {
      isCorrect: false,
      reason: `Your answer looks like ${language.language}; self-checks are graded in English only.`,
    };
  return { isCorrect: false };
}
