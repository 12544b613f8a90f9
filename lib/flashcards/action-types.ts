import type { ReviewSession } from './session';

// Result shapes of the review server actions, shared by app/(study)/review/actions.ts and
// the client components that call them (types only: safe to import from client code).

export type ActionFailure = {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
};

export type ReviewActionInput = {
  cardId: string;
  grade: number;
  idempotencyKey: string;
  durationMs?: number | null;
};

export type ReviewActionResult =
  | {
      ok: true;
      duplicate: boolean;
      reviewed: { cardId: string; grade: number; due: string };
      session: ReviewSession;
    }
  | ActionFailure;

export type UndoActionResult =
  { ok: true; undone: { cardId: string; grade: number }; session: ReviewSession } | ActionFailure;

export type SettingsActionState = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** The submitted values, so the form shows them again after React resets it. */
  values?: Record<string, string>;
} | null;
