/**
 * `npm run user:reset-password -- <email>`: for self-hosters without mail. Prints a
 * one-time link (valid 30 minutes) that lets the account's owner choose a new password;
 * using it signs the account out everywhere. Exit 1 with a message for a bad or unknown email.
 */
import { db } from '@/lib/db';
import { emailSchema } from '@/lib/auth/schemas';
import { createResetToken, RESET_POLICY, resetLinkFor } from '@/lib/auth/password-reset';

async function main(args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error('Usage: npm run user:reset-password -- <email>');
    return 2;
  }
  const parsed = emailSchema.safeParse(args[0]);
  if (!parsed.success) {
    console.error(`✖ ${parsed.error.issues[0]?.message ?? 'Invalid email.'}`);
    return 1;
  }
  const user = await db.user.findUnique({ where: { email: parsed.data }, select: { id: true } });
  if (!user) {
    console.error(`✖ No account uses ${parsed.data}.`);
    return 1;
  }
  const token = await createResetToken({ userId: user.id });
  console.log(
    `Reset link for ${parsed.data} (works once, for ${RESET_POLICY.ttlMs / 60_000} minutes):`,
  );
  console.log(resetLinkFor(token));
  return 0;
}

const code = await main(process.argv.slice(2));
await db.$disconnect();
process.exit(code);
