import 'server-only';

/**
 * Memoises a content load for the life of the process: content files are read-only at
 * runtime, so each is read and validated once. A failed load is not kept (the next call
 * retries), and development reloads every time so edits show up without a restart.
 */
export function processCached<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (process.env.NODE_ENV === 'development') return load();
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
