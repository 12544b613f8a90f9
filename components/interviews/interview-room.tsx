'use client';

import Link from '@/components/ui/app-link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import type { LoggedEvent, Ratings } from '@/lib/interviews/events';
import type { InterviewerTemplate, PublicTemplate, Role } from '@/lib/interviews/views';
import type { SimConfig } from '@/lib/sim/config';
import { AnswerForm } from './answer-form';
import { PhaseTimer } from './phase-timer';
import { ScorecardForm, type ScorecardActions, type ScorecardValue } from './scorecard-form';
import { ScorecardView } from './scorecard-view';
import { SharedSimulator } from './shared-simulator';
import { useSessionLog } from './use-session-log';

type Props = {
  sessionId: string;
  role: Role;
  template: PublicTemplate | InterviewerTemplate;
  initialEvents: LoggedEvent[];
  serverNow: number;
  simConfig: SimConfig;
  simTitle: string;
  scorecard: ScorecardValue | null;
  scorecardActions?: ScorecardActions;
  renewInvite?: (input: {
    sessionId: string;
  }) => Promise<{ ok: true; token: string } | { ok: false; message: string }>;
  reportLink?: {
    create: (input: {
      sessionId: string;
    }) => Promise<{ ok: true; token: string } | { ok: false; message: string }>;
    revoke: (input: {
      sessionId: string;
    }) => Promise<{ ok: true } | { ok: false; message: string }>;
    active: boolean;
  };
};

const isInterviewerTemplate = (t: PublicTemplate | InterviewerTemplate): t is InterviewerTemplate =>
  'faults' in t;

/** A live or solo interview session for one participant, kept in sync by the event stream. */
export function InterviewRoom(props: Props) {
  const { sessionId, role, template } = props;
  const { state, status, offsetMs, send } = useSessionLog({
    sessionId,
    initialEvents: props.initialEvents,
    serverNow: props.serverNow,
  });
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const headingId = useId();
  const interviewer = isInterviewerTemplate(template) ? template : null;

  // The candidate's released scorecard is rendered by the server page: fetch it when released.
  useEffect(() => {
    if (role === 'candidate' && state.scorecardReleased && !props.scorecard) router.refresh();
  }, [role, state.scorecardReleased, props.scorecard, router]);

  const phase = state.phaseIndex >= 0 ? template.phases[state.phaseIndex] : undefined;
  const question = phase?.questions[state.questionIndex];
  const interviewerQuestion = interviewer?.phases[state.phaseIndex]?.questions[state.questionIndex];
  const questionCount = template.phases.reduce((n, p) => n + p.questions.length, 0);
  const position =
    template.phases
      .slice(0, Math.max(0, state.phaseIndex))
      .reduce((n, p) => n + p.questions.length, 0) +
    state.questionIndex +
    1;
  const isLast =
    state.phaseIndex === template.phases.length - 1 &&
    state.questionIndex === (phase?.questions.length ?? 1) - 1;

  const act = async (command: Record<string, unknown> & { type: string }, done?: string) => {
    const result = await send(command);
    setMessage(result.ok ? (done ?? null) : result.message);
    return result;
  };

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 id={headingId} className="text-3xl">
          {template.title}
        </h1>
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="badge">
            {role === 'solo'
              ? 'Solo practice'
              : role === 'interviewer'
                ? 'You are the interviewer'
                : 'You are the candidate'}
          </span>
          <span className="badge" data-testid="connection-status">
            {status === 'live'
              ? 'Connected'
              : status === 'connecting'
                ? 'Connecting…'
                : 'Reconnecting…'}
          </span>
          <span className="badge" data-testid="session-status">
            {state.status === 'lobby'
              ? 'Waiting to start'
              : state.status === 'active'
                ? `Question ${position} of ${questionCount}`
                : 'Ended'}
          </span>
        </p>
        {state.status === 'active' && phase && (
          <PhaseTimer
            endsAt={state.phaseEndsAt}
            durationMs={state.phaseDurationMs}
            offsetMs={offsetMs}
            phaseTitle={`Phase ${state.phaseIndex + 1}: ${phase.title} (${phase.minutes} min)`}
          />
        )}
      </header>

      {message && (
        <p role="status" className="card text-sm">
          {message}
        </p>
      )}

      {role === 'interviewer' && state.status === 'lobby' && (
        <Lobby
          sessionId={sessionId}
          candidateName={state.candidateName}
          renewInvite={props.renewInvite}
          onStart={() => act({ type: 'start' }, 'Interview started.')}
        />
      )}
      {role === 'candidate' && state.status === 'lobby' && (
        <p className="card" role="status">
          You have joined. The interviewer will start the session shortly.
        </p>
      )}

      {state.status === 'active' && phase && question && (
        <section
          aria-labelledby="question-h"
          className="card space-y-4"
          data-testid="current-question"
        >
          <h2 id="question-h" className="text-xl" data-testid="question-prompt">
            {question.prompt}
          </h2>
          <p className="text-sm text-muted">Scenario: {question.scenario.title}</p>
          {role === 'interviewer' ? (
            <CandidateAnswer
              answer={state.answers[question.id]}
              grade={state.grades[question.id]}
            />
          ) : (
            <AnswerForm
              key={question.id}
              question={question}
              saved={state.answers[question.id]}
              submitLabel={role === 'solo' ? 'Submit and grade' : 'Submit my answer'}
              onDraft={
                role === 'candidate'
                  ? (decision, justification) =>
                      void send({
                        type: 'save-answer',
                        questionId: question.id,
                        decision,
                        justification,
                        final: false,
                      })
                  : undefined
              }
              onSubmit={(decision, justification) =>
                act(
                  {
                    type: 'save-answer',
                    questionId: question.id,
                    decision,
                    justification,
                    final: true,
                  },
                  role === 'solo' ? 'Graded.' : 'Answer submitted.',
                )
              }
            />
          )}
          {role === 'solo' && state.grades[question.id] && (
            <GradeSummary grade={state.grades[question.id]!} />
          )}
          {(role === 'interviewer' || role === 'solo') && (
            <div className="flex flex-wrap gap-2">
              {!isLast && (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => act({ type: 'advance' })}
                >
                  Next question
                </button>
              )}
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => act({ type: 'extend', minutes: 2 }, 'Two minutes added.')}
              >
                +2 minutes
              </button>
              {role === 'interviewer' && (
                <button
                  type="button"
                  className="btn btn-ghost"
                  onClick={() => act({ type: 'end' }, 'Session ended.')}
                >
                  End the session
                </button>
              )}
            </div>
          )}
        </section>
      )}

      {role === 'interviewer' && interviewerQuestion && state.status !== 'ended' && (
        <InterviewerNotes
          question={interviewerQuestion}
          notes={state.notes}
          onNote={(text) => act({ type: 'add-note', text }, 'Note saved (only you see it).')}
        />
      )}

      {role === 'solo' && state.status === 'active' && (
        <SelfAssessment
          dimensions={template.dimensions}
          initial={state.selfRatings}
          onSubmit={async (ratings) => {
            const saved = await act({ type: 'self-assess', ratings }, 'Self-assessment saved.');
            if (!saved.ok) return;
            const ended = await act({ type: 'end' }, 'Session finished.');
            if (ended.ok) router.push(`/interviews/${sessionId}/scorecard`);
          }}
        />
      )}

      {state.status !== 'lobby' && (
        <SharedSimulator
          title={props.simTitle}
          config={props.simConfig}
          seed={state.seed}
          script={state.sim.script}
          steps={state.sim.steps}
          lastLabel={state.sim.lastLabel}
          proposals={state.sim.proposals}
          mode={state.status === 'ended' ? 'view' : role}
          faults={interviewer?.faults ?? []}
          send={send}
        />
      )}

      {state.status === 'ended' && (
        <section aria-labelledby="ended-h" className="card space-y-2" data-testid="session-ended">
          <h2 id="ended-h" className="text-xl">
            The session has ended
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <Link href={`/interviews/${sessionId}/replay`}>Replay the session</Link>
            </li>
            {role === 'solo' && (
              <li>
                <Link href={`/interviews/${sessionId}/scorecard`}>Your scorecard</Link>
              </li>
            )}
          </ul>
        </section>
      )}

      {role === 'interviewer' &&
        state.status !== 'lobby' &&
        props.scorecardActions &&
        interviewer && (
          <ScorecardForm
            sessionId={sessionId}
            dimensions={interviewer.dimensions}
            initial={props.scorecard}
            actions={props.scorecardActions}
          />
        )}
      {(role === 'interviewer' || role === 'solo') && props.reportLink && (
        <ReportLink sessionId={sessionId} {...props.reportLink} />
      )}
      {role === 'candidate' && props.scorecard && (
        <ScorecardView scorecard={props.scorecard} dimensions={template.dimensions} />
      )}
      {role === 'candidate' && state.status === 'ended' && !props.scorecard && (
        <p className="text-muted">The interviewer has not released a scorecard yet.</p>
      )}
    </div>
  );
}

function Lobby({
  sessionId,
  candidateName,
  renewInvite,
  onStart,
}: {
  sessionId: string;
  candidateName: string | null;
  renewInvite: Props['renewInvite'];
  onStart: () => void;
}) {
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // The invite token arrives in the URL fragment once (never sent to the server); clear it.
    const match = /invite=([A-Za-z0-9_-]+)/.exec(window.location.hash);
    if (match?.[1]) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the fragment exists only in the browser, after hydration
      setToken(match[1]);
      history.replaceState(null, '', window.location.pathname);
    }
  }, []);
  const link = token ? `${window.location.origin}/interviews/join/${token}` : null;
  return (
    <section aria-labelledby="lobby-h" className="card space-y-3" data-testid="lobby">
      <h2 id="lobby-h" className="text-xl">
        Invite your candidate
      </h2>
      {link ? (
        <>
          <label className="label" htmlFor="invite-link">
            Invite link (one candidate, valid 24 hours)
          </label>
          <input
            id="invite-link"
            className="input"
            readOnly
            value={link}
            data-testid="invite-link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      ) : (
        <p className="text-muted">
          The invite link is shown once. Create a new one if you need it again (the old one stops
          working).
        </p>
      )}
      {!candidateName && renewInvite && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={async () => {
            const result = await renewInvite({ sessionId });
            if (result.ok) setToken(result.token);
            else setError(result.message);
          }}
        >
          Create a new invite link
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p data-testid="candidate-status" aria-live="polite">
        {candidateName ? `${candidateName} has joined.` : 'No candidate has joined yet.'}
      </p>
      <button type="button" className="btn btn-primary" onClick={onStart}>
        Start the interview
      </button>
    </section>
  );
}

function CandidateAnswer({
  answer,
  grade,
}: {
  answer: { decision: string; justification: string; final: boolean } | undefined;
  grade: import('@/lib/interviews/events').StoredGrade | undefined;
}) {
  return (
    <div className="space-y-2" data-testid="candidate-answer">
      <h3 className="font-semibold">
        Candidate’s answer {answer ? (answer.final ? '(submitted)' : '(typing…)') : ''}
      </h3>
      {answer ? (
        <>
          <p>
            Decision: <code>{answer.decision || '—'}</code>
          </p>
          <p className="whitespace-pre-wrap" data-testid="candidate-justification">
            {answer.justification || '—'}
          </p>
        </>
      ) : (
        <p className="text-muted">Nothing yet.</p>
      )}
      {grade && <GradeSummary grade={grade} heading="Rubric grader (only you see this)" />}
    </div>
  );
}

function GradeSummary({
  grade,
  heading = 'Grader feedback',
}: {
  grade: import('@/lib/interviews/events').StoredGrade;
  heading?: string;
}) {
  return (
    <div className="space-y-1 rounded-md border border-border p-3" data-testid="grade-summary">
      <h3 className="font-semibold">
        {heading}: {grade.score}/100
      </h3>
      <p className="text-sm">{grade.summary}</p>
      {grade.missed.length > 0 && (
        <ul className="list-disc pl-5 text-sm">
          {grade.missed.map((m) => (
            <li key={m.id}>
              Missed: {m.concept} — <Link href={`/lessons/${m.lessonId}`}>reread the lesson</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function InterviewerNotes({
  question,
  notes,
  onNote,
}: {
  question: InterviewerTemplate['phases'][number]['questions'][number];
  notes: Array<{ text: string; at: number }>;
  onNote: (text: string) => Promise<unknown>;
}) {
  const [note, setNote] = useState('');
  return (
    <section aria-labelledby="private-h" className="card space-y-3" data-testid="interviewer-panel">
      <h2 id="private-h" className="text-xl">
        Interviewer only
      </h2>
      <div>
        <h3 className="font-semibold">Hints</h3>
        <ul className="list-disc pl-5" data-testid="hints">
          {question.hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold">Follow-ups</h3>
        <ul className="list-disc pl-5">
          {question.followUps.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      </div>
      <details>
        <summary className="cursor-pointer">Model answer</summary>
        <p className="mt-2 whitespace-pre-wrap" data-testid="model-answer">
          {question.modelAnswer}
        </p>
      </details>
      <fieldset>
        <legend className="font-semibold">Rubric checklist</legend>
        {question.rubric.map((c) => (
          <label key={c.id} className="flex items-start gap-2">
            <input type="checkbox" className="mt-1.5" />
            <span>
              {c.concept} (weight {c.weight})
            </span>
          </label>
        ))}
      </fieldset>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!note.trim()) return;
          await onNote(note);
          setNote('');
        }}
        className="space-y-2"
      >
        <label className="label" htmlFor="private-note">
          Private note
        </label>
        <textarea
          id="private-note"
          className="input"
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className="btn btn-secondary">
          Save note
        </button>
      </form>
      {notes.length > 0 && (
        <ul className="list-disc pl-5 text-sm" data-testid="notes">
          {notes.map((n) => (
            <li key={n.at + n.text}>{n.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SelfAssessment({
  dimensions,
  initial,
  onSubmit,
}: {
  dimensions: Array<{ id: string; label: string }>;
  initial: Ratings | null;
  onSubmit: (ratings: Ratings) => Promise<void>;
}) {
  const [ratings, setRatings] = useState<Record<string, number>>(initial ?? {});
  const complete = dimensions.every((d) => ratings[d.id] !== undefined);
  return (
    <section aria-labelledby="self-h" className="card space-y-3" data-testid="self-assessment">
      <h2 id="self-h" className="text-xl">
        Finish: rate yourself
      </h2>
      <p className="text-sm text-muted">
        Rate each dimension from 1 (below the bar) to 4 (senior). Your ratings sit beside the
        grader’s on the scorecard.
      </p>
      {dimensions.map((d) => (
        <fieldset key={d.id}>
          <legend className="font-semibold">{d.label}</legend>
          <div className="flex flex-wrap gap-3">
            {[1, 2, 3, 4].map((n) => (
              <label key={n} className="flex items-center gap-1">
                <input
                  type="radio"
                  name={`self-${d.id}`}
                  checked={ratings[d.id] === n}
                  onChange={() => setRatings({ ...ratings, [d.id]: n })}
                />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-primary"
        disabled={!complete}
        onClick={() => void onSubmit(ratings as Ratings)}
      >
        Finish and see my scorecard
      </button>
    </section>
  );
}

function ReportLink({
  sessionId,
  create,
  revoke,
  active,
}: NonNullable<Props['reportLink']> & { sessionId: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [isActive, setActive] = useState(active);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="report-h" className="card space-y-2" data-testid="report-link">
      <h2 id="report-h" className="text-xl">
        Read-only report link
      </h2>
      <p className="text-sm text-muted">
        For a mentor or a hiring panel: the timeline, the answers and the submitted scorecard,
        without your private notes.
      </p>
      {link && (
        <>
          <label className="label" htmlFor="report-url">
            Report link
          </label>
          <input id="report-url" className="input" readOnly value={link} data-testid="report-url" />
        </>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={async () => {
            const result = await create({ sessionId });
            if (result.ok) {
              setLink(`${window.location.origin}/interview-reports/${result.token}`);
              setActive(true);
            } else setError(result.message);
          }}
        >
          {isActive ? 'Replace the report link' : 'Create a report link'}
        </button>
        {isActive && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={async () => {
              const result = await revoke({ sessionId });
              if (result.ok) {
                setLink(null);
                setActive(false);
              } else setError(result.message);
            }}
          >
            Revoke the report link
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
