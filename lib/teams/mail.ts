import 'server-only';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { env } from '@/lib/env';

// Email is optional: without SMTP_URL nothing is sent and callers fall back to in-app
// notifications and copyable links.

let transporter: Transporter | null = null;

function transport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  // Timeouts bound every send: a dead SMTP server must not hang a request.
  transporter ??= nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return transporter;
}

export function isEmailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one plain-text email; false when email is not configured. Errors propagate. */
export async function sendMail({
  to,
  subject,
  text,
}: {
  to: string;
  subject: string;
  text: string;
}): Promise<boolean> {
  const mailer = transport();
  if (!mailer) return false;
  await mailer.sendMail({ from: env().MAIL_FROM, to, subject, text });
  return true;
}

/** The invitation email; false when email is not configured or sending failed (the link is still shown). */
export async function sendInviteEmail({
  to,
  teamName,
  link,
}: {
  to: string;
  teamName: string;
  link: string;
}): Promise<boolean> {
  try {
    return await sendMail({
      to,
      subject: `You are invited to ${teamName} on Mesh Dojo`,
      text: `You have been invited to join the team "${teamName}" on Mesh Dojo.\n\nOpen this link to accept or decline (sign in or create an account with this address first):\n${link}\n`,
    });
  } catch (error) {
    console.error('invite email failed', error);
    return false;
  }
}
