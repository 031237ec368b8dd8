"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { TOO_MANY_ATTEMPTS } from "@/lib/schemas/account";
import { Alert, Button, Field, TextInput } from "@/components/app/ui";

type Values = { email: string; password: string };

type Props = {
  callbackUrl: string;
  githubEnabled: boolean;
  /** Why the last attempt failed, when next-auth sent the visitor back here with `?error=`. */
  initialError?: string | null;
};

export function SignInForm({ callbackUrl, githubEnabled, initialError = null }: Props) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(initialError);
  const { register, handleSubmit, formState } = useForm<Values>();

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFailure(
        result?.error === TOO_MANY_ATTEMPTS
          ? "Too many wrong passwords for this account. Wait 15 minutes, then try again."
          : "That email and password don't match an account.",
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="sign-in-form">
      {failure && <Alert testId="form-error">{failure}</Alert>}
      <Field label="Email" htmlFor="email">
        <TextInput id="email" type="email" autoComplete="email" required {...register("email", { required: true })} />
      </Field>
      <Field label="Password" htmlFor="password">
        <TextInput id="password" type="password" autoComplete="current-password" required {...register("password", { required: true })} />
      </Field>
      <Button type="submit" className="w-full" disabled={formState.isSubmitting} data-testid="sign-in-submit">
        {formState.isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
      {githubEnabled && (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          data-testid="sign-in-github"
          onClick={() => {
            setFailure(null);
            void signIn("github", { callbackUrl });
          }}
        >
          Continue with GitHub
        </Button>
      )}
    </form>
  );
}
