import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { isOidcEnabled } from '@/lib/auth/options';
import { DEMO_ACCOUNT, isDemoEnabled } from '@/lib/auth/demo';
import { isMailEnabled } from '@/lib/auth/mailer';
import { safeReturnPath, signInReasonFor } from '@/lib/auth/protected-routes';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

// Fixed texts chosen by key: nothing from the URL is shown as-is.
const NOTICES = {
  'signup-existing':
    'We could not sign you in with that password. If you already have an account with that email, sign in with its password or reset it.',
  'password-changed':
    'Your password was changed and every session was signed out. Sign in with your new password.',
  'password-reset': 'Your password was reset. Sign in with your new password.',
  'signed-out-everywhere': 'You were signed out on every device.',
  'account-deleted': 'Your account and all its data were deleted.',
} as const;

const searchSchema = z.object({
  callbackUrl: z
    .string()
    .transform((value) => safeReturnPath(value) ?? undefined)
    .optional()
    .catch(undefined),
  error: z.string().max(200).optional().catch(undefined),
  notice: z
    .enum(Object.keys(NOTICES) as [keyof typeof NOTICES])
    .optional()
    .catch(undefined),
});

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, error, notice } = searchSchema.parse(await searchParams);
  if (await getCurrentUser()) redirect(callbackUrl ?? '/dashboard');
  const reason = signInReasonFor(callbackUrl);
  const demo = isDemoEnabled();
  return (
    <div className="card space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl">Sign in</h1>
        {reason ? (
          <p className="font-medium" data-testid="sign-in-reason">
            {reason}
          </p>
        ) : null}
        <p className="text-muted">
          New here? <Link href="/sign-up">Create an account</Link> — or{' '}
          <Link href="/lessons">start learning without one</Link>.
        </p>
      </div>
      {notice ? (
        <p className="form-notice" role="status" data-testid="sign-in-notice">
          {NOTICES[notice]}
        </p>
      ) : null}
      <SignInForm
        callbackUrl={callbackUrl ?? '/dashboard'}
        oidcEnabled={isOidcEnabled()}
        initialError={error ? 'Sign-in failed. Check your details and try again.' : undefined}
      />
      <p className="text-sm">
        <Link href="/forgot-password">Forgot your password?</Link>
        {isMailEnabled() ? null : (
          <span className="text-muted"> (ask the person who runs this instance)</span>
        )}
      </p>
      {demo ? (
        <p className="hint" data-testid="demo-hint">
          Demo instance: anyone can sign in as <code>{DEMO_ACCOUNT.email}</code> /{' '}
          <code>{DEMO_ACCOUNT.password}</code>, so do not keep anything private there. Instances run
          with <code>MESH_DOJO_PRODUCTION=1</code> have no demo account.
        </p>
      ) : (
        <p className="hint" data-testid="demo-hint">
          This instance is configured for production: there is no public demo account.
        </p>
      )}
    </div>
  );
}
