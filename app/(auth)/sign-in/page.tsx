import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { isOidcEnabled } from '@/lib/auth/options';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

// Only same-site paths are accepted as a post-sign-in destination (no open redirects).
const searchSchema = z.object({
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[\w\-./?=&%]*$/)
    .optional()
    .catch(undefined),
  error: z.string().max(200).optional().catch(undefined),
});

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, error } = searchSchema.parse(await searchParams);
  if (await getCurrentUser()) redirect(callbackUrl ?? '/dashboard');
  return (
    <div className="card space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl">Sign in</h1>
        <p className="text-muted">
          New here? <Link href="/sign-up">Create an account</Link> — or{' '}
          <Link href="/lessons">start learning without one</Link>.
        </p>
      </div>
      <SignInForm
        callbackUrl={callbackUrl ?? '/dashboard'}
        oidcEnabled={isOidcEnabled()}
        initialError={error ? 'Sign-in failed. Check your details and try again.' : undefined}
      />
      <p className="hint">
        Demo account: <code>demo@meshdojo.dev</code> / <code>mesh-dojo-demo-1</code>
      </p>
    </div>
  );
}
