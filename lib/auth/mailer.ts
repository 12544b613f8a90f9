import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

let transport: Transporter | undefined;

/** True when SMTP_URL is set, so password reset by email is offered. */
export function isMailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one plain-text email through SMTP_URL (nodemailer); throws when mail is off. */
export async function sendMail({
  to,
  subject,
  text,
}: {
  to: string;
  subject: string;
  text: string;
}): Promise<void> {
  const url = env().SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set');
  // Bounded timeouts: a dead mail server must not hold a request (or a worker) forever.
  transport ??= nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  await transport.sendMail({ from: env().MAIL_FROM, to, subject, text });
}
