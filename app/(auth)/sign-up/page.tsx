import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { signUpAction } from './actions';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect('/dashboard');
  return (
    <div className="card space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl">Create your account</h1>
        <p className="text-muted">Save lesson progress, flashcard schedules and scenario scores.</p>
      </div>
      <SignUpForm signUpAction={signUpAction} />
    </div>
  );
}
