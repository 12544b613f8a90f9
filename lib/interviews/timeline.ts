import type { EventBody, LoggedEvent } from './events';

// Timeline labels for the replay. Pure.

/** One line describing an event, for the replay's timeline. */
export function describeEvent(body: EventBody): string {
  switch (body.type) {
    case 'session.created':
      return `Session created (${body.mode})`;
    case 'candidate.joined':
      return `${body.name} joined`;
    case 'phase.started':
      return `Phase ${body.phaseIndex + 1} started (${Math.round(body.durationMs / 60_000)} min)`;
    case 'question.shown':
      return `Question ${body.questionIndex + 1} of phase ${body.phaseIndex + 1} shown`;
    case 'timer.extended':
      return 'Timer extended';
    case 'answer.saved':
      return body.final ? 'Answer submitted' : 'Answer draft saved';
    case 'answer.graded':
      return `Answer graded: ${body.grade.score}/100`;
    case 'self.assessed':
      return 'Self-assessment saved';
    case 'sim.intent':
      return `Simulator: ${body.label}`;
    case 'sim.advanced':
      return `Simulator advanced ${body.steps} steps`;
    case 'sim.proposed':
      return `Candidate proposed: ${body.label}`;
    case 'sim.resolved':
      return body.accepted ? 'Proposal accepted' : 'Proposal declined';
    case 'note.added':
      return 'Private note';
    case 'scorecard.submitted':
      return 'Scorecard submitted';
    case 'scorecard.released':
      return 'Scorecard released';
    case 'session.ended':
      return 'Session ended';
  }
}

/** `m:ss` since the first event. */
export function offsetLabel(events: readonly LoggedEvent[], event: LoggedEvent): string {
  const start = events[0]?.at ?? event.at;
  const seconds = Math.max(0, Math.floor((event.at - start) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
