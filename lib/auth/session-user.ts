/** The signed-in user as carried in the JWT session: never more than this. */
export type SessionUser = { id: string; email: string; name: string };
