// A false mesh claim about the point the case turns on is a reversed crucial point, not a side
// error: "Kuma only runs on Kubernetes" in a case decided by VM support. A claim is central when
// the capability it is about is what a crucial rubric criterion states (the fact's patterns occur
// in the criterion's concept, phrases or feedback), or when the sentence making the claim names
// that criterion. General: it reads only the scenario's rubric and the fact base. Pure.
import { cachedLemmaOffsets } from './lemmas';
import { capabilityPatterns, type FalseClaim } from './facts';
import { compilePhrases, findOccurrences, type CompiledPhrase } from './match';
import { analyzeText, type AnalyzedText } from './text';
import type { GradableScenario, RubricCriterion } from './types';

/** A false claim and the crucial criterion it reverses. */
export type CentralClaim = { claim: FalseClaim; criterionId: string };

type CriterionText = { criterion: RubricCriterion; text: AnalyzedText; phrases: CompiledPhrase[] };
const cache = new WeakMap<GradableScenario, CriterionText[]>();

function criterionTexts(scenario: GradableScenario): CriterionText[] {
  const known = cache.get(scenario);
  if (known) return known;
  const texts = scenario.rubric.map((criterion) => ({
    criterion,
    text: analyzeText(
      [criterion.concept, ...criterion.phrases, criterion.missedFeedback].join('. '),
      cachedLemmaOffsets,
    ),
    phrases: compilePhrases(criterion.phrases),
  }));
  cache.set(scenario, texts);
  return texts;
}

/** The sentence index of the claim's evidence in the answer (-1 when not found). */
function claimSentence(analyzed: AnalyzedText, claim: FalseClaim): number {
  const at = analyzed.text.indexOf(claim.evidence);
  if (at < 0) return -1;
  return analyzed.tokens.find((token) => token.end > at)?.sentence ?? -1;
}

/**
 * False claims that reverse a crucial criterion (weight ≥ `minWeight`), at most one per
 * criterion, heaviest criterion first.
 */
export function centralFalseClaims(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
  claims: readonly FalseClaim[],
  minWeight: number,
): CentralClaim[] {
  if (claims.length === 0) return [];
  const crucial = criterionTexts(scenario)
    .filter(({ criterion }) => criterion.weight >= minWeight)
    .sort((a, b) => b.criterion.weight - a.criterion.weight);
  const used = new Set<string>();
  const found: CentralClaim[] = [];
  for (const claim of claims) {
    const patterns = capabilityPatterns(claim.capabilityId);
    const sentence = claimSentence(analyzed, claim);
    const about = crucial.find(({ criterion, text, phrases }) => {
      if (used.has(criterion.id)) return false;
      if (findOccurrences(text, patterns).length > 0) return true;
      return findOccurrences(analyzed, phrases).some(
        (occurrence) => analyzed.tokens[occurrence.start]?.sentence === sentence,
      );
    });
    if (!about) continue;
    used.add(about.criterion.id);
    found.push({ claim, criterionId: about.criterion.id });
  }
  return found;
}
