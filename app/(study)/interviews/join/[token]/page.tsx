import type { Metadata } from 'next';
import { JoinForm } from '@/components/interviews/join-form';
import { requireUser } from '@/lib/auth/session';
import { joinInterviewAction } from '../../actions';

export const metadata: Metadata = { title: 'Join a mock interview' };

export default async function JoinInterviewPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const user = await requireUser();
  return (
    <div className="card max-w-xl space-y-4">
      <h1 className="text-3xl">Join a mock interview</h1>
      <p>
        You are signed in as <strong>{user.name}</strong>. The invite admits one candidate: once you
        join, nobody else can use it.
      </p>
      <JoinForm token={token} join={joinInterviewAction} />
    </div>
  );
}
