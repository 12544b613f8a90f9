'use client';

/** Last-resort error boundary: a calm message, no stack trace. */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12 text-center">
      <h1 className="text-3xl">Something went wrong</h1>
      <p className="text-muted">The page could not be shown. Your saved progress is safe.</p>
      <button type="button" className="btn btn-primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
