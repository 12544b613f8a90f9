// Expert error catalogue matcher: each scenario's confident wrong claims (content/service-mesh/
// error-catalogue, via `GradableScenario.errorClaims`), read as subject ~ relation ~ object plus
// paraphrase patterns (match.ts syntax). A claim is the learner's own when its polarity holds
// (an `affirmed` claim stated without a negation, a `denied` one stated with one) and the
// sentence does not keep it at a distance: not a question, not reported ("the mobile team says
// …", "some argue …"), not rejected ("… is a myth", "the idea that …", "that is wrong"), not a
// condition ("if we …"), not a gerund naming the wrong action as a subject ("Deleting the
// guardrail removes …"). The grader adds its shared guards (counterfactuals, denied effects,
// concessions) through `isSuppressed`. Pure.
import {
  compilePhrases,
  findOccurrences,
  type CompiledPhrase,
  type PhraseOccurrence,
} from './match';
import { endsWithQuestionMark, stemWord, type AnalyzedText, type TextToken } from './text';
import type { ErrorClaim, ErrorClaimKind, GradableScenario } from './types';

/** A catalogue claim found in the answer, with the criterion it reverses. */
export type ErrorClaimHit = {
  claimId: string;
  criterionId: string;
  kind: ErrorClaimKind;
  /** The learner's words. */
  text: string;
  reason: string;
};

/**
 * Longest match read as one claim (tokens): `~` gaps let a pattern span up to ~14 words, and a
 * long span mostly joins words of different statements ("needs are mostly L4, plus a few L7
 * rules" is not "needs are … L7").
 */
const MAX_CLAIM_TOKENS = 10;
/** Words right after the subject that make it compound ("mTLS plus intentions give …"). */
const COMPOUNDING = new Set(['plus', 'with', 'together', 'combined', 'alongside']);

/** `statement`: subject ~ relation ~ object, read with the claim's polarity; `also`: wrong as written. */
type CompiledClaim = { claim: ErrorClaim; statement: CompiledPhrase[]; also: CompiledPhrase[] };

let enabled = true;
let cache = new WeakMap<GradableScenario, CompiledClaim[]>();

/** Calibration only: turns the catalogue off or on (clears the cache). */
export function setErrorClaims(on: boolean): void {
  enabled = on;
  cache = new WeakMap();
}

/** The claim's statement pattern, `subject ~ relation ~ object` (null with fewer than two groups). */
export function statementPattern(
  claim: Pick<ErrorClaim, 'subject' | 'relation' | 'object'>,
): string | null {
  const groups = [claim.subject, claim.relation, claim.object].filter(
    (group): group is string => group !== undefined,
  );
  return groups.length >= 2 ? groups.join(' ~ ') : null;
}

function compiledClaims(scenario: GradableScenario): CompiledClaim[] {
  if (!enabled || !scenario.errorClaims) return [];
  const known = cache.get(scenario);
  if (known) return known;
  const out = scenario.errorClaims.map((claim) => {
    const statement = statementPattern(claim);
    return {
      claim,
      statement: compilePhrases(statement === null ? [] : [statement]),
      also: compilePhrases(claim.also),
    };
  });
  cache.set(scenario, out);
  return out;
}

const INNER_NEGATIONS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'none']);
/** Negating words (cues included): one the pattern states itself opens the claim's own scope. */
const NEGATING_WORDS = new Set([
  ...INNER_NEGATIONS,
  ...'zero nothing nobody lack lacks skip skipping ignore ignoring omit omitting forgo avoid avoiding'.split(
    ' ',
  ),
]);
/** Before the claim in its clause, these deny it too ("there is nowhere to put a sidecar …"). */
const DENYING_OPENERS = new Set(['nowhere', 'impossible', 'unable', 'neither', 'nor']);

/** Negation words a pattern states itself, as pairs with a neighbour ("does not", "no downside*"). */
type StatedNegations = { pairs: Array<[string, string]>; alone: Set<string> };
const statedCache = new Map<string, StatedNegations>();

function statedNegations(phrase: string): StatedNegations {
  const known = statedCache.get(phrase);
  if (known) return known;
  const pairs: Array<[string, string]> = [];
  const alone = new Set<string>();
  const expanded = phrase
    .toLowerCase()
    .replace(/can'?'?t|cannot/g, 'can not')
    .replace(/won'?'?t/g, 'will not')
    .replace(/n'?'t\b/g, ' not');
  for (const alternative of expanded.split(/\s+[~+]{1,2}\s+|\|/)) {
    const words = alternative.split(/\s+/).filter(Boolean);
    if (words.length === 1 && NEGATING_WORDS.has(words[0] ?? '')) alone.add(words[0] ?? '');
    for (let i = 0; i + 1 < words.length; i += 1) pairs.push([words[i] ?? '', words[i + 1] ?? '']);
  }
  const stated = { pairs, alone };
  if (statedCache.size > 5000) statedCache.clear();
  statedCache.set(phrase, stated);
  return stated;
}

/** A text word against a pattern word ("downsides" ~ "downside*", "retries" ~ "retry"). */
function wordMatches(text: string, pattern: string): boolean {
  if (pattern.endsWith('*')) return text.startsWith(pattern.slice(0, -1));
  return text === pattern || stemWord(text) === stemWord(pattern);
}

/** The negation at `index` is one the pattern states ("is not encrypted" against "not encrypted"). */
function isStatedNegation(analyzed: AnalyzedText, index: number, phrase: string): boolean {
  const { pairs, alone } = statedNegations(phrase);
  const word = analyzed.tokens[index]?.norm ?? '';
  if (alone.has(word)) return true;
  const before = analyzed.tokens[index - 1]?.norm;
  const after = analyzed.tokens[index + 1]?.norm;
  return pairs.some(
    ([first, second]) =>
      (first === word && after !== undefined && wordMatches(after, second)) ||
      (second === word && before !== undefined && wordMatches(before, first)),
  );
}

/**
 * True when the clause denies what the occurrence states: a negation scope from before, a
 * denying word earlier in its clause, or a cue inside the match that the pattern does not state
 * itself ("a managed add-on does not remove the need for an owner" against "… removes … the
 * need for an owner").
 */
function isDenied(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  if (occurrence.negated) return true;
  const first = analyzed.tokens[occurrence.start];
  for (let i = occurrence.start - 1; i >= 0; i -= 1) {
    const token = analyzed.tokens[i];
    if (!token || token.segment !== first?.segment) break;
    if (DENYING_OPENERS.has(token.norm)) return true;
    // "don't just restart istiod": the negation scope skips "not just", the claim is still turned down.
    if (
      token.norm === 'not' &&
      ['just', 'only', 'simply', 'merely'].includes(analyzed.tokens[i + 1]?.norm ?? '')
    )
      return true;
  }
  // "the add-on still needs someone to own upgrades": "still" inside the claim qualifies it.
  for (let i = occurrence.start + 1; i < occurrence.end; i += 1)
    if (analyzed.tokens[i]?.norm === 'still') return true;
  let statesNegation = false;
  for (let i = occurrence.start; i < occurrence.end; i += 1) {
    const token = analyzed.tokens[i];
    if (!token || !NEGATING_WORDS.has(token.norm)) continue;
    if (isStatedNegation(analyzed, i, occurrence.phrase)) statesNegation = true;
    else if (INNER_NEGATIONS.has(token.norm)) return true;
  }
  // "Cilium uses eBPF instead of sidecars": a scope opened inside the match ("instead of",
  // "rather than", "without") denies its tail, unless the claim's own negation opened it.
  if (!statesNegation)
    for (let i = occurrence.start + 1; i < occurrence.end; i += 1)
      if ((analyzed.tokens[i]?.negationDepth ?? 0) % 2 === 1) return true;
  return false;
}

/** Reporting verbs and nouns: the clause after them is someone else's claim. */
const REPORTING = new Set(
  'think thinks wants say says said claim claims claimed argue argues argued argument suggest suggests suggested propose proposes proposed insist insists insisted tempting tempted myth misconception misconceptions assumption assume assumes assumed supposedly apparently according belief believe believes believed folklore fallacy idea notion rumour rumor'.split(
    ' ',
  ),
);
/** "I think …", "we believe …": the learner's own stance, not reported speech. */
const FIRST_PERSON = new Set(['i', 'we']);
/** Words after a claim that reject it ("… is a myth", "… would be wrong"). */
const REJECTING = new Set(
  'wrong mistake mistaken myth false untrue incorrect misguided fallacy misconception backwards nonsense'.split(
    ' ',
  ),
);
/** Conditions: the clause states a case, not a claim. */
const CONDITIONS = new Set(['if', 'unless', 'whether', 'suppose', 'supposing']);
/** Verbs that stop what follows ("stop retrying overflow", "avoid adding retries"). */
const STOPPING = new Set(
  'against oppose opposes opposing reject rejects rejecting stop stops stopped stopping avoid avoids avoided avoiding prevent prevents prevented preventing forbid forbids ban bans quit cease resist resisting refuse refuses'.split(
    ' ',
  ),
);

function sentenceTokens(analyzed: AnalyzedText, sentence: number): TextToken[] {
  return analyzed.tokens.filter((token) => token.sentence === sentence);
}

/** The sentence ends with a question mark. */
function isQuestion(analyzed: AnalyzedText, inSentence: readonly TextToken[]): boolean {
  const last = inSentence[inSentence.length - 1];
  if (!last) return false;
  return endsWithQuestionMark(analyzed.text, last.end);
}

/** Someone else's claim, or a claim the sentence itself rejects. */
function isKeptAtDistance(
  analyzed: AnalyzedText,
  occurrence: PhraseOccurrence,
  inSentence: readonly TextToken[],
): boolean {
  const startToken = analyzed.tokens[occurrence.start];
  if (!startToken) return false;
  const segment = startToken.segment;
  for (const token of inSentence) {
    const index = analyzed.tokens.indexOf(token);
    if (index >= occurrence.start) break;
    if (REPORTING.has(token.norm)) {
      const before = analyzed.tokens[index - 1];
      const sameSentence = before !== undefined && before.sentence === token.sentence;
      // "That said, …" / "having said that": a concession marker, not reported speech.
      const idiom =
        token.norm === 'said' && sameSentence && ['that', 'having'].includes(before.norm);
      if (!idiom && !(sameSentence && FIRST_PERSON.has(before.norm))) return true;
    }
    // "if we roll every namespace at once, …": a condition opened in the claim's own clause.
    if (token.segment === segment && CONDITIONS.has(token.norm)) return true;
    // "contrary to …", "unlike what …", "not because …".
    if (token.norm === 'contrary' || token.norm === 'unlike') return true;
  }
  for (let i = occurrence.end; i < analyzed.tokens.length; i += 1) {
    const token = analyzed.tokens[i];
    if (!token || token.sentence !== startToken.sentence) break;
    if (REJECTING.has(token.norm)) return true;
  }
  // "… at once. That is wrong." / "… first. Wrong:": the next sentence rejects it at its start.
  const next = analyzed.tokens.find((token) => token.sentence === startToken.sentence + 1);
  if (next) {
    const opening = sentenceTokens(analyzed, next.sentence)
      .slice(0, 4)
      .map((token) => token.norm);
    if (opening.some((word) => REJECTING.has(word)) || opening[0] === 'false') return true;
  }
  return false;
}

/** "Deleting the guardrail removes protection": a gerund at the head of its clause is a subject. */
function isGerundSubject(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const first = analyzed.tokens[occurrence.start];
  if (!first || !first.norm.endsWith('ing')) return false;
  const before = analyzed.tokens[occurrence.start - 1];
  if (!before || before.segment !== first.segment) return true;
  return ['just', 'simply', 'blindly', 'merely', 'only', 'and', 'or'].includes(before.norm);
}

/** Kinds whose claim is an action the learner prescribes. */
const ACTION_KINDS: ReadonlySet<ErrorClaimKind> = new Set(['wrong-fix', 'wrong-order']);
const AUXILIARIES = new Set(['was', 'were', 'had', 'has', 'have', 'been']);

/** "The on-call engineer raised the HPA maximum": a past action narrates the case, it prescribes nothing. */
function isNarrated(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const first = analyzed.tokens[occurrence.start];
  if (!first) return false;
  if (first.norm.endsWith('ed') && first.norm.length > 4) return true;
  const before = analyzed.tokens[occurrence.start - 1];
  return before !== undefined && before.segment === first.segment && AUXILIARIES.has(before.norm);
}

/** Harm an option does: a claim followed by it is the wrong option described, not chosen. */
const HARMS = new Set(
  'multiply multiplies amplify amplifies worsen worsens compound compounds break breaks fail fails reject rejects drop drops cut cuts cause causes hurt hurts lose loses kill kills leave leaves cost costs blow blows overload overloads hide hides mask masks miss misses turn turns deny denies expose exposes risk risks'.split(
    ' ',
  ),
);
const MODALS = new Set(['would', 'will', 'could', 'can', 'might', 'may']);

/** "STRICT from day one would break the CronJob": the clause states what the wrong option does. */
function statesHarm(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const last = analyzed.tokens[occurrence.end - 1];
  if (!last) return false;
  const after: TextToken[] = [];
  for (let i = occurrence.end; i < analyzed.tokens.length && after.length < 4; i += 1) {
    const token = analyzed.tokens[i];
    if (!token || token.sentence !== last.sentence) break;
    after.push(token);
  }
  const [first, second, third] = after;
  if (first && HARMS.has(first.norm)) return true;
  // "More threads only delay exhaustion": "only" before the predicate belittles the option.
  if (first && (first.norm === 'only' || first.norm === 'merely') && second !== undefined)
    return true;
  if (first && MODALS.has(first.norm))
    return (
      (second !== undefined && HARMS.has(second.norm)) ||
      (second !== undefined &&
        ['also', 'just', 'only', 'quickly', 'simply'].includes(second.norm) &&
        third !== undefined &&
        HARMS.has(third.norm))
    );
  return false;
}

/** Predicates that endorse a gerund subject ("Raising the HPA limit fixes it"). */
const ENDORSING = new Set(
  'fix fixes fixed solve solves solved solution help helps works right best enough correct answer cure'.split(
    ' ',
  ),
);

/** The rest of the gerund's clause endorses it, un-negated. */
function isEndorsed(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const segment = analyzed.tokens[occurrence.end - 1]?.segment;
  for (let i = occurrence.end; i < analyzed.tokens.length; i += 1) {
    const token = analyzed.tokens[i];
    if (!token || token.segment !== segment) return false;
    if (ENDORSING.has(token.norm)) return token.negationDepth % 2 === 0;
  }
  return false;
}

/** "stop retrying overflow 503s", "avoid adding retries": the clause turns the action down. */
function isStopped(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const first = analyzed.tokens[occurrence.start];
  if (!first) return false;
  for (let i = occurrence.start - 1; i >= Math.max(0, occurrence.start - 3); i -= 1) {
    const token = analyzed.tokens[i];
    if (!token || token.segment !== first.segment) return false;
    if (STOPPING.has(token.norm)) return true;
    // "push back on splitting the monolith first"
    if (token.norm === 'back' && /^push/.test(analyzed.tokens[i - 1]?.norm ?? '')) return true;
  }
  return false;
}

const COPULAS = new Set(['is', 'are', 'was', 'were']);
const EXPLAINING = new Set(['why', 'how', 'what', 'where', 'when']);

/**
 * "mTLS alone is why the scheduler can read records": a copula followed by a wh-word explains
 * a cause; it does not equate the subject with the object ("mTLS is authorization").
 */
function explainsInstead(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  for (let i = occurrence.start; i < occurrence.end - 1; i += 1)
    if (
      COPULAS.has(analyzed.tokens[i]?.norm ?? '') &&
      EXPLAINING.has(analyzed.tokens[i + 1]?.norm ?? '')
    )
      return true;
  return false;
}

/**
 * A match whose last word is part of an idiom that means something else: "pay the cost for
 * nothing" (in vain) states no "costs nothing".
 */
function endsInIdiom(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const last = analyzed.tokens[occurrence.end - 1];
  const before = analyzed.tokens[occurrence.end - 2];
  return (
    last?.norm === 'nothing' && before?.norm === 'for' && occurrence.end - occurrence.start > 2
  );
}

/**
 * Catalogue claims stated as the learner's own, at most one per claim. `isSuppressed` is the
 * grader's shared filter (counterfactual, denied effect, concession).
 */
export function findErrorClaims(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
  isSuppressed: (occurrence: PhraseOccurrence) => boolean = () => false,
): ErrorClaimHit[] {
  const hits: ErrorClaimHit[] = [];
  for (const { claim, statement, also } of compiledClaims(scenario)) {
    const candidates = [
      ...findOccurrences(analyzed, statement).map((occurrence) => ({
        occurrence,
        isStatement: true,
      })),
      ...findOccurrences(analyzed, also).map((occurrence) => ({ occurrence, isStatement: false })),
    ];
    for (const { occurrence, isStatement } of candidates) {
      // The statement of a `denied` claim is the fact, wrong when denied; every other pattern is
      // wrong as written (its own negation words included: "postgres ~ can not ~ tls").
      const denied = isDenied(analyzed, occurrence);
      const holds = isStatement && claim.polarity === 'denied' ? denied : !denied;
      if (!holds) continue;
      if (occurrence.end - occurrence.start > MAX_CLAIM_TOKENS) continue;
      if (
        isStatement &&
        [1, 2].some((offset) => {
          const word = analyzed.tokens[occurrence.start + offset]?.norm ?? '';
          return COMPOUNDING.has(word) && !occurrence.phrase.toLowerCase().includes(word);
        }) &&
        occurrence.end - occurrence.start > 3
      )
        continue;
      if (ACTION_KINDS.has(claim.kind) && isNarrated(analyzed, occurrence)) continue;
      const inSentence = sentenceTokens(
        analyzed,
        analyzed.tokens[occurrence.start]?.sentence ?? -1,
      );
      if (isQuestion(analyzed, inSentence)) continue;
      if (isKeptAtDistance(analyzed, occurrence, inSentence)) continue;
      if (isGerundSubject(analyzed, occurrence) && !isEndorsed(analyzed, occurrence)) continue;
      if (isStopped(analyzed, occurrence) || statesHarm(analyzed, occurrence)) continue;
      if (isStatement && explainsInstead(analyzed, occurrence)) continue;
      if (endsInIdiom(analyzed, occurrence)) continue;
      if (isSuppressed(occurrence)) continue;
      hits.push({
        claimId: claim.id,
        criterionId: claim.criterion,
        kind: claim.kind,
        text: occurrence.text,
        reason: claim.reason,
      });
      break;
    }
  }
  return hits;
}
