// C0 controls other than tab/newline/carriage return, DEL, and C1 controls (same rule as the grader's input).
export const CONTROL_CHARS_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
