import { z } from "zod";

// Shared by the browser forms (zodResolver) and the route handlers, so both sides enforce the same rules.

export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
    password: z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters"),
    name: z.string().trim().max(100).optional(),
  })
  .strict();

export const createApiKeySchema = z.object({ name: z.string().trim().min(1, "Give the key a name").max(80) }).strict();

/** The error code sign-in answers with while an account is throttled after too many wrong passwords. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";
