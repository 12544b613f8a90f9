/** Why a flashcard request was refused; actions and route handlers map it to a 4xx reason. */
export type FlashcardErrorCode =
  'invalid-input' | 'invalid-grade' | 'card-not-found' | 'nothing-to-undo' | 'busy';

const STATUS: Record<FlashcardErrorCode, number> = {
  'invalid-input': 400,
  'invalid-grade': 400,
  'card-not-found': 404,
  'nothing-to-undo': 409,
  busy: 503,
};

/** A refused flashcard operation. `message` is safe to show to the learner. */
export class FlashcardError extends Error {
  readonly code: FlashcardErrorCode;
  readonly status: number;

  constructor(code: FlashcardErrorCode, message: string) {
    super(message);
    this.name = 'FlashcardError';
    this.code = code;
    this.status = STATUS[code];
  }
}
