/** Result of a team server action, shown next to its form. */
export type TeamActionState = { ok: boolean; message: string; link?: string } | null;
