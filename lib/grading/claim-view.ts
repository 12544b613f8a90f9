// The claim view of an answer: the same sentences rewritten into plain subject–verb–object order,
// so that a claim reader written for "X overloads Y" also reads the other ways English states it.
// General grammar only, no mesh or scenario words:
// - asides in parentheses are dropped ("The HTTP rules (GET only, no DELETE) are enforced in the
//   kernel" → "The HTTP rules are enforced in the kernel"): the aside's own negation or list no
//   longer splits the main clause;
// - clefts are unfolded ("What overloads istiod is the request peak" → "the request peak
//   overloads istiod");
// - correlatives state the dependency ("the more requests the mesh carries, the more work istiod
//   does" → "requests the mesh carries drives more work istiod does").
// Pure; returns null when nothing was rewritten.

/** An aside: a parenthesis of at most this many words, inside one sentence. */
const ASIDE = /\s*\(([^()]{0,160})\)/g;
const MAX_ASIDE_WORDS = 20;
/** "What V Y is X" (up to four words of V Y; the cleft ends at the clause's punctuation). */
const CLEFT = /\bwhat\s+((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:is|are|was|were)\s+([^.;:!?,]+)/gi;
/** "the more A, the more B" (also "the bigger/higher/larger/less …"). */
const CORRELATIVE =
  /\bthe\s+(?:more|bigger|higher|larger|greater)\s+([^,;.!?]{3,80}),\s*the\s+(?:more|bigger|higher|larger|greater)\s+([^,;.!?]{3,80})/gi;

/** One sentence rewritten (unchanged when no rule applies). */
function rewrite(sentence: string): string {
  let view = sentence.replace(ASIDE, (whole: string, inner: string) =>
    inner.split(/\s+/).filter(Boolean).length <= MAX_ASIDE_WORDS ? '' : whole,
  );
  view = view.replace(
    CLEFT,
    (_whole, predicate: string, subject: string) => `${subject.trim()} ${predicate.trim()}`,
  );
  return view.replace(
    CORRELATIVE,
    (_whole, cause: string, effect: string) => `${cause.trim()} drives more ${effect.trim()}`,
  );
}

/**
 * The rewritten sentences of the answer in subject–verb–object order (only those a rule
 * changed, so that the claim readers run on little text), or null when no rewrite applies.
 */
export function claimView(text: string): string | null {
  const changed: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const view = rewrite(sentence);
    if (view !== sentence)
      changed.push(/[.!?]$/.test(view.trim()) ? view.trim() : `${view.trim()}.`);
  }
  return changed.length === 0 ? null : changed.join(' ');
}
