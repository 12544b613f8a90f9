import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { connection } from 'next/server';
import { isMailEnabled } from '@/lib/auth/mailer';
import { ForgotPasswordForm } from '@/components/account/reset-forms';
import { requestPasswordResetAction } from './actions';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default async function ForgotPasswordPage() {
  // Mail is configured at run time (SMTP_URL), not at build time.
  await connection();
  return (
    <div className="card space-y-6">
      <h1 className="text-2xl">Forgot your password?</h1>
      {isMailEnabled() ? (
        <>
          <p className="text-muted">
            Enter your email address and we will send you a link to choose a new password.
          </p>
          <ForgotPasswordForm action={requestPasswordResetAction} />
        </>
      ) : (
        <p data-testid="reset-unavailable">
          This instance does not send email, so passwords are reset by the person who runs it, with{' '}
          <code>npm run user:reset-password -- you@example.com</code>. It prints a one-time link for
          you.
        </p>
      )}
      <p className="text-sm">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
