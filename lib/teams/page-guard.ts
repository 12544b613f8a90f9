import 'server-only';
import { notFound } from 'next/navigation';
import { TeamError } from './access';

/** Runs a team read for a page: unknown teams, other teams and missing roles become a 404. */
export async function orNotFound<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TeamError && (error.code === 'not-found' || error.code === 'forbidden'))
      notFound();
    throw error;
  }
}
