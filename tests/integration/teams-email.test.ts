import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createTestUser, setupTestDatabase } from './helpers/test-db';

// A real SMTP server on loopback receives what nodemailer sends (SMTP_URL set before the
// environment is first read).
const session = vi.hoisted(() => ({
  user: null as { id: string; email: string; name: string } | null,
}));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));

const PORT = Number(process.env.SMTP_TEST_PORT ?? 3261);
type Mail = { from: string; to: string[]; body: string };
const received: Mail[] = [];
let server: SMTPServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, smtpSession, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: smtpSession.envelope.mailFrom ? smtpSession.envelope.mailFrom.address : '',
          to: smtpSession.envelope.rcptTo.map((r) => r.address),
          body,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, '127.0.0.1', () => resolve());
  });
  process.env.SMTP_URL = `smtp://127.0.0.1:${PORT}`;
  // Links in mail come from the configured public URL (lib/env.ts requires it with SMTP_URL).
  process.env.NEXTAUTH_URL = 'http://127.0.0.1:3260';
  process.env.MAIL_FROM = 'Mesh Dojo <dojo@example.test>';
  ({ cleanup } = await setupTestDatabase());
});
afterAll(async () => {
  await cleanup();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// Quoted-printable soft line breaks split long lines; undo them before matching.
const decoded = (body: string) => body.replace(/=\r\n/g, '').replace(/=3D/g, '=');

describe('email through SMTP', () => {
  it('sends the invitation with its link, and a reminder digest once', async () => {
    const teams = await import('@/lib/teams/teams');
    const invites = await import('@/lib/teams/invites');
    const mail = await import('@/lib/teams/mail');
    const notifications = await import('@/lib/teams/notifications');
    const lead = await createTestUser('lead@example.test');
    const newcomer = await createTestUser('newcomer@example.test');
    session.user = { ...lead, name: 'Lead' };
    const { teamId } = await teams.createTeam({
      name: 'Mesh platform',
      templateId: 'on-call-readiness',
    });
    const invite = await invites.createEmailInvite({ teamId, email: 'newcomer@example.test' });
    const link = `http://127.0.0.1:3260/teams/join/${invite.token}`;
    expect(mail.isEmailConfigured()).toBe(true);
    expect(await mail.sendInviteEmail({ to: invite.email, teamName: invite.teamName, link })).toBe(
      true,
    );
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['newcomer@example.test']);
    expect(received[0]!.from).toBe('dojo@example.test');
    expect(decoded(received[0]!.body)).toContain(link);
    expect(decoded(received[0]!.body)).toContain(
      'Subject: You are invited to Mesh platform on Mesh Dojo',
    );

    session.user = { ...newcomer, name: 'Newcomer' };
    await invites.acceptInvite({ token: invite.token });
    // Ten days on, items are overdue: one digest to the newcomer listing them.
    const later = new Date(Date.now() + 10 * 86_400_000);
    const first = await notifications.sendReminderEmails({
      now: later,
      baseUrl: 'http://127.0.0.1:3260',
    });
    expect(first.emails).toBe(1);
    const digest = received.at(-1)!;
    expect(digest.to).toEqual(['newcomer@example.test']);
    expect(decoded(digest.body)).toMatch(/Overdue: .*On-call readiness for the mesh/);
    expect(decoded(digest.body)).toContain('New track from Mesh platform');
    const again = await notifications.sendReminderEmails({
      now: later,
      baseUrl: 'http://127.0.0.1:3260',
    });
    expect(again.emails).toBe(0);
    expect(received).toHaveLength(2);
  });
});
