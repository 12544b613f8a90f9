import type { InterviewDimension, InterviewTemplate } from '@/lib/content/interview-schema';
import type { Scenario } from '@/lib/content/scenario-schema';
import { toPublicScenario, type PublicScenario } from '@/lib/scenarios/public-scenario';
import type { Intent } from '@/lib/sim/intents';
import { visibilityOf, type LoggedEvent, type SessionMode } from './events';
import type { SessionState } from './reducer';

// Payload builders: the only functions that decide what a participant receives. A candidate's
// payloads are built field by field from allow-lists, never by deleting fields from a full
// object, so a field added to the content later stays private by default. Pure.

export type Role = 'interviewer' | 'candidate' | 'solo';

export const DIMENSION_LABELS: Record<InterviewDimension, string> = {
  requirements: 'Requirements and scope',
  design: 'Design',
  'trade-offs': 'Trade-offs with numbers',
  security: 'Security posture',
  reliability: 'Latency and reliability reasoning',
  communication: 'Communication',
};

/** What every participant may see of a question. */
export type PublicQuestion = { id: string; prompt: string; scenario: PublicScenario };
/** The interviewer's extra material for a question. */
export type InterviewerQuestion = PublicQuestion & {
  dimensions: InterviewDimension[];
  hints: string[];
  followUps: string[];
  modelAnswer: string;
  why: string;
  rubric: Array<{ id: string; concept: string; weight: number }>;
};

export type PublicTemplate = {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  dimensions: Array<{ id: InterviewDimension; label: string }>;
  phases: Array<{ kind: string; title: string; minutes: number; questions: PublicQuestion[] }>;
  simulator: { presetId: string; seed: number };
};

export type InterviewerTemplate = Omit<PublicTemplate, 'phases' | 'dimensions'> & {
  dimensions: Array<{ id: InterviewDimension; label: string; senior: string; weak: string }>;
  phases: Array<{ kind: string; title: string; minutes: number; questions: InterviewerQuestion[] }>;
  faults: Array<{ id: string; label: string; expect: string; intents: Intent[] }>;
};

function requireScenario(scenarios: ReadonlyMap<string, Scenario>, scenarioId: string): Scenario {
  const scenario = scenarios.get(scenarioId);
  if (!scenario) throw new Error(`interview template references unknown scenario "${scenarioId}"`);
  return scenario;
}

/** The template as a candidate (or a solo learner before answering) may see it. */
export function publicTemplate(
  template: InterviewTemplate,
  scenarios: ReadonlyMap<string, Scenario>,
): PublicTemplate {
  return {
    id: template.id,
    title: template.title,
    summary: template.summary,
    minutes: template.minutes,
    dimensions: template.dimensions.map((d) => ({ id: d.id, label: DIMENSION_LABELS[d.id] })),
    phases: template.phases.map((phase) => ({
      kind: phase.kind,
      title: phase.title,
      minutes: phase.minutes,
      questions: phase.questions.map((q) => ({
        id: q.id,
        prompt: q.prompt,
        scenario: toPublicScenario(requireScenario(scenarios, q.scenarioId)),
      })),
    })),
    simulator: { presetId: template.simulator.presetId, seed: template.simulator.seed },
  };
}

/** The template with the interviewer's hints, model answers, rubric and fault menu. */
export function interviewerTemplate(
  template: InterviewTemplate,
  scenarios: ReadonlyMap<string, Scenario>,
): InterviewerTemplate {
  const base = publicTemplate(template, scenarios);
  return {
    ...base,
    dimensions: template.dimensions.map((d) => ({
      id: d.id,
      label: DIMENSION_LABELS[d.id],
      senior: d.senior,
      weak: d.weak,
    })),
    phases: template.phases.map((phase, p) => ({
      kind: phase.kind,
      title: phase.title,
      minutes: phase.minutes,
      questions: phase.questions.map((q, i) => {
        const scenario = requireScenario(scenarios, q.scenarioId);
        const publicQuestion = base.phases[p]?.questions[i];
        if (!publicQuestion) throw new Error('template projection mismatch');
        return {
          ...publicQuestion,
          dimensions: [...q.dimensions],
          hints: [...q.hints],
          followUps: [...q.followUps],
          modelAnswer: scenario.modelAnswer.senior,
          why: scenario.why,
          rubric: scenario.rubric.map((c) => ({ id: c.id, concept: c.concept, weight: c.weight })),
        };
      }),
    })),
    faults: template.simulator.faults.map((f) => ({
      id: f.id,
      label: f.label,
      expect: f.expect,
      intents: [...f.intents],
    })),
  };
}

/** An event as sent to a browser. */
export type ClientEvent = LoggedEvent;

/** The event as `role` may receive it, or null when it is not for them. */
export function eventForRole(
  event: LoggedEvent,
  mode: SessionMode,
  role: Role,
): ClientEvent | null {
  if (role !== 'candidate') return event;
  return visibilityOf(event.body, mode) === 'all' ? event : null;
}

/** Filters a log for a role, keeping order. */
export function eventsForRole(
  events: readonly LoggedEvent[],
  mode: SessionMode,
  role: Role,
): ClientEvent[] {
  return events.flatMap((event) => {
    const visible = eventForRole(event, mode, role);
    return visible ? [visible] : [];
  });
}

/** A state safe for a candidate: private notes and live grades removed. */
export function stateForRole(state: SessionState, role: Role): SessionState {
  if (role !== 'candidate') return state;
  return { ...state, notes: [], grades: state.mode === 'live' ? {} : state.grades };
}
