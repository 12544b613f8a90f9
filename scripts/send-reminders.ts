/**
 * Reminder job: syncs "due soon" / "overdue" notifications for every team member and, when
 * SMTP_URL is set, emails each person one digest of what they have not been emailed yet.
 * Run it from cron (e.g. daily):  npm run teams:remind -- [--base-url https://dojo.example.com]
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

const { values } = parseArgs({ options: { 'base-url': { type: 'string' } } });
const baseUrl = z
  .url({ error: '--base-url must be a URL such as https://dojo.example.com' })
  .safeParse(values['base-url'] ?? process.env.NEXTAUTH_URL ?? 'http://127.0.0.1:3000');
if (!baseUrl.success) {
  console.error(baseUrl.error.issues[0]?.message);
  process.exit(2);
}
const { sendReminderEmails } = await import('@/lib/teams/notifications');
const { isEmailConfigured } = await import('@/lib/teams/mail');
const result = await sendReminderEmails({ baseUrl: baseUrl.data.replace(/\/$/, '') });
console.log(
  `${result.users} team members checked · ${result.emails} reminder emails sent${isEmailConfigured() ? '' : ' (SMTP_URL not set: in-app only)'}`,
);
process.exit(0);
