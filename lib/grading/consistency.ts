// Decision ↔ justification consistency: does the text argue for the option the learner
// picked, or for another one? Heuristic, tuned to miss rather than to accuse. Pure.
import type { GradableOption } from './types';
import { phraseStems, stemWord, type AnalyzedText, type TextToken } from './text';

/** How an option relates to adopting a mesh. */
export type OptionStance = 'adopt' | 'reject' | 'named' | 'other';

/** A detected contradiction and the learner's words that show it. */
export type Contradiction = { reason: string; evidence: string };

const REJECT_IDS = new Set([
  'no',
  'not-yet',
  'no-mesh',
  'none',
  'wait',
  'defer',
  'later',
  'skip',
  'not-now',
  'neither',
]);
const ADOPT_IDS = new Set([
  'yes',
  'adopt',
  'adopt-now',
  'now',
  'mesh',
  'full-mesh',
  'yes-now',
  'adopt-mesh',
]);
const REJECT_LABEL =
  /^(?:no\b|not yet|none|don'?t|do not|defer|wait|skip|postpone|hold off|stay without|neither|no mesh)/i;
const stems = (words: string): ReadonlySet<string> => new Set(words.split(' ').map(stemWord));
const MESH_WORDS = stems('mesh istio linkerd cilium consul kuma kong sidecar ambient');
const ADOPT_VERBS = stems(
  'adopt introduce deploy install roll rollout add implement use using bring enable go run start buy',
);
const RECOMMEND = new Set([
  'should',
  'must',
  'recommend',
  'recommended',
  'let',
  'definitely',
  'propose',
  'suggest',
  'ought',
  'go-ahead',
]);
const JUSTIFIED = stems('justified justify warranted worth pays sense');
const CONDITIONAL = stems(
  'if once when after later eventually future until unless someday month quarter year grows reach phase',
);
// Words that do not identify a product: "Cilium Service Mesh" is named by "Cilium".
const GENERIC = stems('service mesh mode sidecar ambient the a');
const NOW = new Set(['now', 'today', 'immediately', 'asap']);
const ANTI = stems('premature overkill defer postpone wait');
const ENDORSE = stems(
  'choose chose pick go recommend select prefer best fit right winner should suggest',
);

/** Classifies an option by id and label (yes/adopt, no/not-yet, a short product name, other). */
export function classifyOption(option: GradableOption): OptionStance {
  const id = option.id.toLowerCase();
  const label = option.label.trim();
  if (REJECT_IDS.has(id) || REJECT_LABEL.test(label)) return 'reject';
  if (ADOPT_IDS.has(id) || /^yes\b/i.test(label)) return 'adopt';
  if (namedKeys(option).length > 0) return 'named';
  return 'other';
}

/** Stem sequences naming a short option ("Istio (ambient)" → istio; "Kong Mesh / Kuma" → kong mesh, kuma). */
function namedKeys(option: GradableOption): string[][] {
  const withoutParens = option.label.replace(/\([^)]*\)/g, ' ');
  const alternatives = withoutParens
    .split(/[/|]| or /i)
    .map((part) => {
      const all = phraseStems(part);
      const specific = all.filter((stem) => !GENERIC.has(stem));
      return specific.length > 0 ? specific : all;
    })
    .filter((stems) => stems.length > 0);
  if (alternatives.length === 0 || alternatives.some((stems) => stems.length > 3)) return [];
  return alternatives;
}

function segmentsOf(tokens: readonly TextToken[]): TextToken[][] {
  const out: TextToken[][] = [];
  let current: TextToken[] = [];
  for (const token of tokens) {
    const last = current.at(-1);
    if (last && last.segment !== token.segment) {
      out.push(current);
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) out.push(current);
  return out;
}

const isNegated = (token: TextToken) => token.negationDepth % 2 === 1;

function span(analyzed: AnalyzedText, tokens: readonly TextToken[]): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  return first && last ? analyzed.text.slice(first.start, last.end) : '';
}

function containsSequence(
  segment: readonly TextToken[],
  stems: readonly string[],
): TextToken | null {
  for (let i = 0; i + stems.length <= segment.length; i += 1) {
    if (stems.every((stem, k) => segment[i + k]?.stem === stem)) return segment[i] ?? null;
  }
  return null;
}

type StanceCounts = { pro: string[]; anti: string[]; endorsements: Map<string, string[]> };

function measureStance(analyzed: AnalyzedText, options: readonly GradableOption[]): StanceCounts {
  const pro: string[] = [];
  const anti: string[] = [];
  const endorsements = new Map<string, string[]>();
  const named = options.filter((option) => classifyOption(option) === 'named');
  const conditionalSentences = new Set<number>();
  const sentenceLength = new Map<number, number>();
  for (const token of analyzed.tokens)
    sentenceLength.set(token.sentence, (sentenceLength.get(token.sentence) ?? 0) + 1);
  for (const token of analyzed.tokens)
    if (CONDITIONAL.has(token.stem)) conditionalSentences.add(token.sentence);

  for (const segment of segmentsOf(analyzed.tokens)) {
    const sentence = segment[0]?.sentence ?? -1;
    const saysNow = segment.some((token) => NOW.has(token.norm));
    const isConditional = conditionalSentences.has(sentence) && !saysNow;
    const mesh = segment.find((token) => MESH_WORDS.has(token.stem));
    const verb = segment.find((token) => ADOPT_VERBS.has(token.stem));
    const recommend = segment.some((token) => RECOMMEND.has(token.norm) && !isNegated(token));
    const justified = segment.find((token) => JUSTIFIED.has(token.stem));
    const text = span(analyzed, segment);

    // "Adopt a mesh now" (imperative) recommends; "adopting a mesh now would add…" does not.
    const isImperative = verb !== undefined && segment[0] === verb && !verb.norm.endsWith('ing');
    const needsMesh = segment.find(
      (token, i) => token.norm === 'need' && MESH_WORDS.has(nextContent(segment, i)?.stem ?? ''),
    );
    if (mesh && (verb || justified || needsMesh)) {
      const anchor = needsMesh ?? verb ?? justified;
      // A negated verb only denies the mesh it governs ("don't adopt a mesh"), not one before it
      // ("the mesh extends … instead of adding a second one"); "a mesh is not justified" denies it.
      const anchorDenies =
        anchor !== undefined &&
        isNegated(anchor) &&
        (anchor === justified || segment.indexOf(anchor) < segment.indexOf(mesh));
      const negated = anchorDenies || isNegated(mesh);
      if (negated) anti.push(text);
      else if (!isConditional && (recommend || justified || needsMesh || isImperative))
        pro.push(text);
    }
    for (let i = 0; i < segment.length; i += 1) {
      const token = segment[i];
      if (!token || isNegated(token)) continue;
      const next = segment[i + 1];
      if (ANTI.has(token.stem)) anti.push(text);
      else if (token.norm === 'not' && next?.norm === 'yet') anti.push(text);
      else if (token.norm === 'too' && next?.norm === 'early') anti.push(text);
      else if (token.norm === 'hold' && next?.norm === 'off') anti.push(text);
    }
    for (const option of named) {
      for (const key of namedKeys(option)) {
        const hit = containsSequence(segment, key);
        if (!hit || isNegated(hit) || isConditional) continue;
        // A bare verdict sentence ("Cilium.") or an endorsing verb in the same clause.
        const isVerdict = (sentenceLength.get(sentence) ?? 0) <= 4;
        if (isVerdict || segment.some((token) => ENDORSE.has(token.stem) && !isNegated(token))) {
          const list = endorsements.get(option.id) ?? [];
          list.push(text);
          endorsements.set(option.id, list);
        }
      }
    }
  }
  return { pro: unique(pro), anti: unique(anti), endorsements };
}

function nextContent(segment: readonly TextToken[], index: number): TextToken | undefined {
  for (let i = index + 1; i < segment.length; i += 1) {
    const token = segment[i];
    if (token && !['a', 'an', 'the', 'service'].includes(token.norm)) return token;
  }
  return undefined;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Returns a contradiction when the justification argues for a different decision than the chosen option. */
export function findContradiction(
  analyzed: AnalyzedText,
  options: readonly GradableOption[],
  chosenId: string,
): Contradiction | null {
  const chosen = options.find((option) => option.id === chosenId);
  if (!chosen) return null;
  const stance = classifyOption(chosen);
  const { pro, anti, endorsements } = measureStance(analyzed, options);
  const endorsedOthers = [...endorsements.entries()].filter(([id]) => id !== chosen.id);

  if (stance === 'reject') {
    const proEvidence = [...pro, ...endorsedOthers.flatMap(([, texts]) => texts)];
    if (proEvidence.length > anti.length) {
      return {
        reason: `You chose "${chosen.label}", but the justification argues for adopting a mesh now.`,
        evidence: proEvidence[0] ?? '',
      };
    }
    return null;
  }
  if (stance === 'adopt') {
    if (anti.length > 0 && pro.length === 0 && endorsedOthers.length === 0) {
      return {
        reason: `You chose "${chosen.label}", but the justification argues against adopting a mesh now.`,
        evidence: anti[0] ?? '',
      };
    }
    return null;
  }
  if (stance === 'named') {
    const chosenCount = endorsements.get(chosen.id)?.length ?? 0;
    const rival = endorsedOthers.sort((a, b) => b[1].length - a[1].length)[0];
    if (rival && rival[1].length > chosenCount) {
      const rivalOption = options.find((option) => option.id === rival[0]);
      return {
        reason: `You chose "${chosen.label}", but the justification recommends "${rivalOption?.label ?? rival[0]}".`,
        evidence: rival[1][0] ?? '',
      };
    }
    const rejectOption = options.find((option) => classifyOption(option) === 'reject');
    if (rejectOption && chosenCount === 0 && anti.length > 0 && pro.length === 0) {
      return {
        reason: `You chose "${chosen.label}", but the justification argues against adopting a mesh at all.`,
        evidence: anti[0] ?? '',
      };
    }
  }
  return null;
}
