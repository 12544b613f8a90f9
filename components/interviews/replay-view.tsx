'use client';

import { useId, useMemo, useState } from 'react';
import type { LoggedEvent } from '@/lib/interviews/events';
import { reduceEvents } from '@/lib/interviews/reducer';
import { describeEvent, offsetLabel } from '@/lib/interviews/timeline';
import type { PublicTemplate } from '@/lib/interviews/views';
import type { SimConfig } from '@/lib/sim/config';
import { SharedSimulator } from './shared-simulator';

/** A scrubbable timeline: the question, the answers and the simulator as they were after any event. */
export function ReplayView({
  events,
  template,
  simConfig,
  simTitle,
}: {
  events: LoggedEvent[];
  template: PublicTemplate;
  simConfig: SimConfig;
  simTitle: string;
}) {
  const id = useId();
  const [index, setIndex] = useState(Math.max(0, events.length - 1));
  const state = useMemo(() => reduceEvents(events.slice(0, index + 1)), [events, index]);
  const current = events[index];
  const phase = state.phaseIndex >= 0 ? template.phases[state.phaseIndex] : undefined;
  const question = phase?.questions[state.questionIndex];
  const answer = question ? state.answers[question.id] : undefined;
  if (events.length === 0) return <p>Nothing happened in this session yet.</p>;
  return (
    <div className="space-y-6" data-testid="replay">
      <section aria-labelledby={`${id}-h`} className="card space-y-3">
        <h2 id={`${id}-h`} className="text-xl">
          Timeline
        </h2>
        <label className="label" htmlFor={`${id}-scrub`}>
          Moment: event {index + 1} of {events.length}
          {current ? `, ${offsetLabel(events, current)} — ${describeEvent(current.body)}` : ''}
        </label>
        <input
          id={`${id}-scrub`}
          type="range"
          min={0}
          max={events.length - 1}
          value={index}
          onChange={(e) => setIndex(Number(e.target.value))}
          className="w-full"
          data-testid="replay-scrubber"
        />
        <ol className="max-h-64 space-y-1 overflow-y-auto text-sm" tabIndex={0} aria-label="Events">
          {events.map((event, i) => (
            <li key={event.seq}>
              <button
                type="button"
                className={`text-left underline-offset-2 hover:underline ${i === index ? 'font-semibold' : ''}`}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => setIndex(i)}
              >
                {offsetLabel(events, event)} {describeEvent(event.body)}
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby={`${id}-q`} className="card space-y-2" data-testid="replay-question">
        <h2 id={`${id}-q`} className="text-xl">
          {question ? question.prompt : 'Before the first question'}
        </h2>
        {phase && (
          <p className="text-sm text-muted">
            Phase {state.phaseIndex + 1}: {phase.title}
          </p>
        )}
        {question && (
          <div data-testid="replay-answer">
            <p className="font-semibold">
              Answer at this moment {answer?.final ? '(submitted)' : answer ? '(draft)' : ''}
            </p>
            <p>Decision: {answer?.decision || '—'}</p>
            <p className="whitespace-pre-wrap">{answer?.justification || '—'}</p>
            {question && state.grades[question.id] && (
              <p>Grader: {state.grades[question.id]?.score}/100</p>
            )}
          </div>
        )}
        {state.notes.length > 0 && (
          <div>
            <p className="font-semibold">Private notes so far</p>
            <ul className="list-disc pl-5 text-sm">
              {state.notes.map((n) => (
                <li key={n.at + n.text}>{n.text}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <SharedSimulator
        title={simTitle}
        config={simConfig}
        seed={state.seed}
        script={state.sim.script}
        steps={state.sim.steps}
        lastLabel={state.sim.lastLabel}
        proposals={state.sim.proposals}
        mode="view"
      />
    </div>
  );
}
