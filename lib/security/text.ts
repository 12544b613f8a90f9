import { z } from 'zod';

/*
 * Bidirectional override and isolate controls (U+202A–U+202E, U+2066–U+2069) reorder how
 * text is displayed: "\u202Egnp.exe" renders as "exe.png". User-chosen names show up next to
 * other people's content (teams, interviews), so names reject them outright.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_CONTROLS_GLOBAL = /[\u202A-\u202E\u2066-\u2069]/gu;

/** True when the text contains a bidirectional override or isolate control. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/** Removes bidirectional controls (for free text where rejecting would lose an answer). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS_GLOBAL, '');
}

/**
 * A display name: trimmed, `min`..`max` characters, no control characters, no angle
 * brackets, no bidirectional controls. Use for every user-chosen name (people, runs,
 * teams, interviews) so they all follow one rule.
 */
export function displayNameSchema({
  min = 1,
  max = 80,
  label = 'name',
}: { min?: number; max?: number; label?: string } = {}) {
  return z
    .string({ error: `Enter a ${label}.` })
    .trim()
    .min(min, min > 1 ? `Enter at least ${min} characters.` : `Enter a ${label}.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !hasBidiControls(value), {
      message: 'Remove the text-direction control characters.',
    })
    .refine((value) => !/[\p{Cc}<>]/u.test(value), {
      message: 'Use letters, spaces and punctuation only.',
    });
}
