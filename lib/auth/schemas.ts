import { z } from 'zod';
import { hasBidiControls } from '@/lib/security/text';

// A short list of passwords that pass length rules but top every breach list.
const COMMON_PASSWORDS = new Set([
  'password123',
  'password1234',
  'qwerty12345',
  'qwertyuiop1',
  '1234567890a',
  'iloveyou123',
  'letmein12345',
  'welcome12345',
  'admin123456',
  'passw0rd123',
  'servicemesh1',
  'meshdojo123',
]);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => /\p{L}/u.test(p) && /[^\p{L}]/u.test(p), {
    message: 'Mix letters with at least one digit or symbol.',
  })
  .refine((p) => new Set(p).size >= 5, { message: 'Use more varied characters.' })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), {
    message: 'That password is too common. Choose another.',
  });

/** A person's display name (sign-up and the account page). */
export const personNameSchema = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(2, 'Enter at least 2 characters.')
  .max(80, 'Use at most 80 characters.')
  .refine((n) => !hasBidiControls(n), {
    message: 'Remove the text-direction control characters.',
  })
  .refine((n) => !/[\p{Cc}<>]/u.test(n), {
    message: 'Use letters, spaces and punctuation only.',
  });

export const signUpSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
  })
  .superRefine((value, ctx) => {
    const local = value.email.split('@')[0] ?? '';
    if (local.length >= 5 && value.password.toLowerCase().includes(local)) {
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'Do not include your email name in the password.',
      });
    }
  });

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX, 'Incorrect email or password.'),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: 'Enter your current password.' })
    .min(1, 'Enter your current password.')
    .max(PASSWORD_MAX),
  newPassword: passwordSchema,
});

export const resetPasswordSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This reset link is not valid.'),
  newPassword: passwordSchema,
});
