"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, Button, Field, TextInput } from "@/components/app/ui";

type Values = { email: string; password: string };

export function SignInForm({ callbackUrl, githubEnabled }: { callbackUrl: string; githubEnabled: boolean }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>();

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFailure("That email and password don't match an account.");
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
        <Button type="button" variant="secondary" className="w-full" onClick={() => signIn("github", { callbackUrl })}>
          Continue with GitHub
        </Button>
      )}
    </form>
  );
}
