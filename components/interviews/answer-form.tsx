'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { OrderInput } from '@/components/scenarios/order-input';
import type { SavedAnswer } from '@/lib/interviews/reducer';
import type { PublicQuestion } from '@/lib/interviews/views';

type Props = {
  question: PublicQuestion;
  saved: SavedAnswer | undefined;
  /** Autosave of drafts (live mode: the interviewer watches the answer take shape). */
  onDraft?: (decision: string, justification: string) => void;
  onSubmit: (
    decision: string,
    justification: string,
  ) => Promise<{ ok: true } | { ok: false; message: string }>;
  submitLabel: string;
  readOnly?: boolean;
};

/** Decision + justification for one question; the decision is kept as text (id, JSON order or number). */
export function AnswerForm({
  question,
  saved,
  onDraft,
  onSubmit,
  submitLabel,
  readOnly = false,
}: Props) {
  const id = useId();
  const spec = question.scenario.answer;
  const [decision, setDecision] = useState(
    saved?.decision ?? (spec.type === 'order' ? JSON.stringify(spec.items.map((i) => i.id)) : ''),
  );
  const [justification, setJustification] = useState(saved?.justification ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastDraft = useRef(`${decision}\u0000${justification}`);

  useEffect(
    () => () => {
      if (draftTimer.current) clearTimeout(draftTimer.current);
    },
    [],
  );

  const change = (nextDecision: string, nextJustification: string) => {
    setDecision(nextDecision);
    setJustification(nextJustification);
    if (!onDraft) return;
    if (draftTimer.current) clearTimeout(draftTimer.current);
    // One snapshot per pause in typing, not per keystroke.
    draftTimer.current = setTimeout(() => {
      const key = `${nextDecision}\u0000${nextJustification}`;
      if (key === lastDraft.current) return;
      lastDraft.current = key;
      onDraft(nextDecision, nextJustification);
    }, 1200);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    if (draftTimer.current) clearTimeout(draftTimer.current);
    const result = await onSubmit(decision, justification);
    setPending(false);
    if (!result.ok) setError(result.message);
  };

  const order: string[] =
    spec.type === 'order'
      ? safeOrder(
          decision,
          spec.items.map((i) => i.id),
        )
      : [];
  return (
    <form
      onSubmit={submit}
      className="space-y-4"
      aria-labelledby={`${id}-q`}
      data-testid="answer-form"
    >
      <p id={`${id}-q`} className="font-semibold">
        {question.scenario.question}
      </p>
      {spec.type === 'choice' && (
        <fieldset className="space-y-2" disabled={readOnly}>
          <legend className="label">Your decision</legend>
          {spec.options.map((option) => (
            <label key={option.id} className="flex items-start gap-2">
              <input
                type="radio"
                name={`${id}-decision`}
                value={option.id}
                checked={decision === option.id}
                onChange={() => change(option.id, justification)}
                className="mt-1.5"
              />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
      )}
      {spec.type === 'order' && (
        <div>
          <p className="label" id={`${id}-order`}>
            Put the steps in order
          </p>
          <OrderInput
            name={`${id}-order-value`}
            items={spec.items}
            order={order}
            onChange={(next) => change(JSON.stringify(next), justification)}
            describedBy={`${id}-order`}
          />
        </div>
      )}
      {spec.type === 'number' && (
        <div>
          <label className="label" htmlFor={`${id}-number`}>
            Your estimate ({spec.unit})
          </label>
          <input
            id={`${id}-number`}
            className="input max-w-xs"
            inputMode="decimal"
            value={decision}
            readOnly={readOnly}
            onChange={(e) => change(e.target.value, justification)}
          />
        </div>
      )}
      <div>
        <label className="label" htmlFor={`${id}-why`}>
          Justification
        </label>
        <textarea
          id={`${id}-why`}
          className="input min-h-40"
          maxLength={5000}
          value={justification}
          readOnly={readOnly}
          onChange={(e) => change(decision, e.target.value)}
          aria-describedby={`${id}-why-hint`}
        />
        <p id={`${id}-why-hint`} className="hint">
          Name the concepts, the numbers and the trade-offs. {justification.length}/5000
        </p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!readOnly && (
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      )}
    </form>
  );
}

function safeOrder(raw: string, fallback: string[]): string[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      Array.isArray(parsed) &&
      parsed.length === fallback.length &&
      parsed.every((x) => typeof x === 'string' && fallback.includes(x))
    )
      return parsed as string[];
  } catch {
    // fall back to the initial order
  }
  return fallback;
}
