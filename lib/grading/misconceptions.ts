// Mesh misconceptions: claims that are false in every case a rubric point is about, written once
// per topic instead of once per scenario ("mTLS gives least privilege", "the managed add-on owns
// the pager", "a more specific ALLOW beats a DENY"). A misconception applies to a scenario's
// heaviest criterion whose own text (concept, phrases, id) is about its topic; an affirmed match
// reverses that criterion. Patterns use match.ts syntax and come from the lessons' sources, not
// from any scenario's wording. Pure data; compiled per scenario object.
import { compilePhrases, type CompiledPhrase } from './match';
import type { GradableScenario } from './types';

export type Misconception = {
  id: string;
  /** The criterion text (concept, phrases, id) this misconception reverses. */
  about: RegExp;
  /** Only in scenarios whose case or options mention this (optional). */
  caseMentions?: RegExp;
  /** Ways of stating the false claim (match.ts syntax). */
  patterns: readonly string[];
  /** Where the fact comes from. */
  source: string;
};

export const MISCONCEPTIONS: readonly Misconception[] = [
  {
    id: 'mtls-is-authorization',
    about: /authori[sz]|least[- ]privilege|access control|allow rules?|who (?:may|can) call/i,
    patterns: [
      'mtls|strict|identity|identities|spiffe|certificates|mutual authentication|mutually authenticated ~ gives|give|means|is|equals|provides|covers|handles|satisfies|proves|restricts|controls|decides|enforces ~ least privilege|least-privilege|authorization|authorisation|access control|zero trust|who can call|who may call',
      'only ~ meshed|mesh|our own ~ services|workloads|pods ~ can reach|can call|can access|may call',
      'access control|authorization|authorisation|least privilege ~ handled|covered|solved|done|comes ~ by|with|from ~ mtls|identity|same step|strict',
      'do not need ~ separate|extra|additional ~ policy|policies|authorization|authorisation',
    ],
    source:
      'https://istio.io/latest/docs/concepts/security/ (authentication vs authorization policies)',
  },
  {
    id: 'managed-needs-no-owner',
    about: /owner|ownership|on-?call|pager/i,
    caseMentions: /managed/i,
    patterns: [
      'managed|provider|vendor|cloud ~ owns|runs|handles|operates|takes over ~ pager|on-call|incidents|ownership|everything|it all',
      'pager|on-call|ownership ~ is|are|becomes ~ theirs|the provider|the vendor',
      'ownership|owner ~ is ~ covered|solved|handled|less of a blocker',
      'managed ~ fills|closes|removes|solves ~ ownership|owner|gap',
    ],
    source: 'https://cloud.google.com/service-mesh/docs/overview (shared responsibility)',
  },
  {
    id: 'allow-overrides-deny',
    about: /\bdeny\b/i,
    patterns: [
      'specific|tighter|narrower|precise ~ allow|rule|policy ~ wins|takes precedence|overrides|beats',
      'allow ~ takes precedence|overrides|wins|beats ~ over ~ deny',
      'more specific|more precisely ~ takes precedence|wins|overrides',
    ],
    source:
      'https://istio.io/latest/docs/concepts/security/#authorization-policy-precedence (DENY is evaluated first)',
  },
  {
    id: 'cilium-l7-in-kernel',
    about: /\bl7\b|envoy|http/i,
    caseMentions: /cilium/i,
    patterns: [
      'ebpf|kernel ~ evaluates|enforces|handles|parses|checks ~ http|l7|methods|paths',
      'http|l7|methods|paths ~ directly|evaluated|enforced ~ in|by ~ ebpf|the kernel',
    ],
    source:
      'https://docs.cilium.io/en/stable/security/network/proxy/envoy/ (L7 policy goes through Envoy)',
  },
];

export type CompiledMisconception = {
  id: string;
  criterionId: string;
  patterns: CompiledPhrase[];
};

let enabled = true;
let cache = new WeakMap<GradableScenario, CompiledMisconception[]>();

/** Calibration only: turns the misconception table off or on (clears the cache). */
export function setMisconceptions(on: boolean): void {
  enabled = on;
  cache = new WeakMap();
}

/** The misconceptions that apply to this scenario, each with the criterion it reverses. */
export function misconceptionsFor(scenario: GradableScenario): CompiledMisconception[] {
  if (!enabled) return [];
  const known = cache.get(scenario);
  if (known) return known;
  const caseText = [
    scenario.context ?? '',
    scenario.question ?? '',
    ...(scenario.answer.type === 'choice' ? scenario.answer.options.map((o) => o.label) : []),
  ].join(' ');
  const out: CompiledMisconception[] = [];
  for (const misconception of MISCONCEPTIONS) {
    if (misconception.caseMentions && !misconception.caseMentions.test(caseText)) continue;
    const target = scenario.rubric
      .filter((criterion) =>
        misconception.about.test([criterion.id, criterion.concept, ...criterion.phrases].join(' ')),
      )
      .sort((a, b) => b.weight - a.weight)[0];
    if (target)
      out.push({
        id: misconception.id,
        criterionId: target.id,
        patterns: compilePhrases(misconception.patterns),
      });
  }
  cache.set(scenario, out);
  return out;
}
