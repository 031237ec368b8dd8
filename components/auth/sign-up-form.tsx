"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, Field, TextInput } from "@/components/app/ui";
import { createUserSchema } from "@/lib/schemas/account";
import { apiFetch, ApiClientError } from "@/lib/client/api-client";

type Values = z.input<typeof createUserSchema>;

export function SignUpForm() {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(createUserSchema) });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await apiFetch("/api/signup", { body: values });
    } catch (error) {
      if (error instanceof ApiClientError) {
        for (const [field, messages] of Object.entries(error.fields)) {
          if (field === "email" || field === "password" || field === "name") setError(field, { message: messages[0] });
        }
        setFailure(error.message);
        return;
      }
      throw error;
    }
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (result?.error) {
      setFailure("Your account was created, but signing in failed. Try signing in.");
      return;
    }
    router.replace("/");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="sign-up-form">
      {failure && <Alert testId="form-error">{failure}</Alert>}
      <Field label="Name" htmlFor="name" error={errors.name?.message}>
        <TextInput id="name" autoComplete="name" {...register("name")} />
      </Field>
      <Field label="Email" htmlFor="email" error={errors.email?.message} required>
        <TextInput id="email" type="email" autoComplete="email" invalid={!!errors.email} {...register("email")} />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password?.message} hint="At least 10 characters." required>
        <TextInput id="password" type="password" autoComplete="new-password" invalid={!!errors.password} {...register("password")} />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting} data-testid="sign-up-submit">
        {isSubmitting ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
