import { z } from "zod";

/** Emails longer than RFC 5321's 254 characters cannot exist; refuse them before any lookup. */
export const EMAIL_MAX = 254;
/** argon2 hashes anything, but a megabyte "password" is an attack, not a secret. */
export const PASSWORD_MAX = 256;
export const PASSWORD_MIN = 10;

export const ZEmail = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX, `Email addresses are at most ${EMAIL_MAX} characters.`)
  .email("Enter a valid email address, like name@example.com.")
  .transform((value) => value.toLowerCase());

export const ZSignIn = z.object({
  email: ZEmail,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`);
