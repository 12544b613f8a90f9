import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { z } from 'zod';
import { ResetPasswordForm } from '@/components/account/reset-forms';
import { resetPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose a new password' };

const searchSchema = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/)
    .optional()
    .catch(undefined),
});

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = searchSchema.parse(await searchParams);
  return (
    <div className="card space-y-6">
      <h1 className="text-2xl">Choose a new password</h1>
      {token ? (
        <ResetPasswordForm action={resetPasswordAction} token={token} />
      ) : (
        <p className="form-error">
          This reset link is incomplete. <Link href="/forgot-password">Ask for a new one</Link>.
        </p>
      )}
    </div>
  );
}
