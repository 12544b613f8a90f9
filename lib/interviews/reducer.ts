import type { Intent } from '@/lib/sim/intents';
import type { ScriptEntry } from '@/lib/sim/replay';
import type { EventBody, LoggedEvent, Ratings, SessionMode, StoredGrade } from './events';

// The session state as a pure fold over the event log. The server uses it to validate commands,
// the browser to apply live events, and the replay to rebuild any moment: one reducer for all.

export type SavedAnswer = { decision: string; justification: string; final: boolean; at: number };
export type Proposal = {
  proposalId: string;
  intent: Intent;
  label: string;
  status: 'open' | 'accepted' | 'rejected';
};

/** Everything a session's event log implies. */
export type SessionState = {
  mode: SessionMode | null;
  templateId: string | null;
  seed: number;
  status: 'lobby' | 'active' | 'ended';
  candidateName: string | null;
  phaseIndex: number;
  questionIndex: number;
  phaseStartedAt: number | null;
  phaseDurationMs: number;
  phaseEndsAt: number | null;
  answers: Record<string, SavedAnswer>;
  grades: Record<string, StoredGrade>;
  selfRatings: Ratings | null;
  /** The shared simulator: intents with the step they were queued at, and the steps run. */
  sim: { script: ScriptEntry[]; steps: number; lastLabel: string | null; proposals: Proposal[] };
  notes: Array<{ text: string; at: number }>;
  scorecardSubmitted: boolean;
  scorecardReleased: boolean;
  overallScore: number | null;
  startedAt: number | null;
  lastSeq: number;
  lastAt: number | null;
};

/** The state before the first event. */
export function initialState(): SessionState {
  return {
    mode: null,
    templateId: null,
    seed: 0,
    status: 'lobby',
    candidateName: null,
    phaseIndex: -1,
    questionIndex: 0,
    phaseStartedAt: null,
    phaseDurationMs: 0,
    phaseEndsAt: null,
    answers: {},
    grades: {},
    selfRatings: null,
    sim: { script: [], steps: 0, lastLabel: null, proposals: [] },
    notes: [],
    scorecardSubmitted: false,
    scorecardReleased: false,
    overallScore: null,
    startedAt: null,
    lastSeq: 0,
    lastAt: null,
  };
}

function applyBody(state: SessionState, body: EventBody, at: number): SessionState {
  switch (body.type) {
    case 'session.created':
      return {
        ...state,
        mode: body.mode,
        templateId: body.templateId,
        seed: body.seed,
        status: body.mode === 'solo' ? 'active' : 'lobby',
      };
    case 'candidate.joined':
      return { ...state, candidateName: body.name };
    case 'phase.started':
      return {
        ...state,
        status: state.status === 'ended' ? 'ended' : 'active',
        phaseIndex: body.phaseIndex,
        questionIndex: 0,
        phaseStartedAt: at,
        phaseDurationMs: body.durationMs,
        phaseEndsAt: body.endsAt,
        startedAt: state.startedAt ?? at,
      };
    case 'question.shown':
      return { ...state, phaseIndex: body.phaseIndex, questionIndex: body.questionIndex };
    case 'timer.extended':
      return { ...state, phaseEndsAt: body.endsAt, phaseDurationMs: body.durationMs };
    case 'answer.saved':
      return {
        ...state,
        answers: {
          ...state.answers,
          [body.questionId]: {
            decision: body.decision,
            justification: body.justification,
            final: body.final,
            at,
          },
        },
      };
    case 'answer.graded':
      return { ...state, grades: { ...state.grades, [body.questionId]: body.grade } };
    case 'self.assessed':
      return { ...state, selfRatings: body.ratings };
    case 'sim.intent': {
      const entry: ScriptEntry = { at: state.sim.steps, intent: body.intent };
      return {
        ...state,
        sim: {
          ...state.sim,
          script: [...state.sim.script, entry],
          steps: state.sim.steps + body.advance,
          lastLabel: body.label,
        },
      };
    }
    case 'sim.advanced':
      return { ...state, sim: { ...state.sim, steps: state.sim.steps + body.steps } };
    case 'sim.proposed':
      return {
        ...state,
        sim: {
          ...state.sim,
          proposals: [
            ...state.sim.proposals,
            { proposalId: body.proposalId, intent: body.intent, label: body.label, status: 'open' },
          ],
        },
      };
    case 'sim.resolved':
      return {
        ...state,
        sim: {
          ...state.sim,
          proposals: state.sim.proposals.map((p) =>
            p.proposalId === body.proposalId
              ? { ...p, status: body.accepted ? 'accepted' : 'rejected' }
              : p,
          ),
        },
      };
    case 'note.added':
      return { ...state, notes: [...state.notes, { text: body.text, at }] };
    case 'scorecard.submitted':
      return { ...state, scorecardSubmitted: true };
    case 'scorecard.released':
      return { ...state, scorecardReleased: true };
    case 'session.ended':
      return { ...state, status: 'ended', overallScore: body.overallScore };
  }
}

/**
 * Applies one event. Events at or below `lastSeq` are ignored, so a resumed stream that repeats
 * an event, or a second delivery path, never applies it twice.
 */
export function applyEvent(state: SessionState, event: LoggedEvent): SessionState {
  if (event.seq <= state.lastSeq) return state;
  return { ...applyBody(state, event.body, event.at), lastSeq: event.seq, lastAt: event.at };
}

/** Folds a log (in any order; it is sorted by seq) into a state. */
export function reduceEvents(
  events: readonly LoggedEvent[],
  from: SessionState = initialState(),
): SessionState {
  return [...events].sort((a, b) => a.seq - b.seq).reduce(applyEvent, from);
}

/** The state as it was at `atMs` (inclusive): the replay's view of any moment. */
export function stateAt(events: readonly LoggedEvent[], atMs: number): SessionState {
  return reduceEvents(events.filter((event) => event.at <= atMs));
}

/** The next question after the current one: same phase, else the first of the next phase; null at the end. */
export function nextPosition(
  phases: ReadonlyArray<{ questions: readonly unknown[] }>,
  state: Pick<SessionState, 'phaseIndex' | 'questionIndex'>,
): { phaseIndex: number; questionIndex: number; newPhase: boolean } | null {
  if (state.phaseIndex < 0)
    return phases.length > 0 ? { phaseIndex: 0, questionIndex: 0, newPhase: true } : null;
  const phase = phases[state.phaseIndex];
  if (phase && state.questionIndex + 1 < phase.questions.length)
    return {
      phaseIndex: state.phaseIndex,
      questionIndex: state.questionIndex + 1,
      newPhase: false,
    };
  if (state.phaseIndex + 1 < phases.length)
    return { phaseIndex: state.phaseIndex + 1, questionIndex: 0, newPhase: true };
  return null;
}
