"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, Card, Field, TextInput } from "@/components/app/ui";
import { CopyButton } from "@/components/app/copy-button";
import { RevocableSecretRow, type RevocableSecret } from "@/components/app/revocable-secret-row";
import { apiFetch } from "@/lib/client/api-client";
import { createApiKeySchema } from "@/lib/schemas/account";

type ApiKey = RevocableSecret;

export function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const keys = useQuery({ queryKey: ["api-keys"], queryFn: () => apiFetch<{ keys: ApiKey[] }>("/api/keys") });
  const form = useForm<z.input<typeof createApiKeySchema>>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "" } });

  const create = useMutation({
    mutationFn: (values: z.input<typeof createApiKeySchema>) => apiFetch<{ key: ApiKey & { key: string } }>("/api/keys", { body: values }),
    onSuccess: ({ key }) => {
      setCreated(key.key);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ["api-keys"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/keys/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });

  return (
    <Card title="API keys">
      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <div className="flex-1">
          <Field label="New key name" htmlFor="key-name" error={form.formState.errors.name?.message}>
            <TextInput id="key-name" placeholder="e.g. laptop CLI" invalid={!!form.formState.errors.name} {...form.register("name")} />
          </Field>
        </div>
        <Button type="submit" disabled={create.isPending} data-testid="create-api-key">
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {create.error && <div className="mt-3"><Alert>{create.error.message}</Alert></div>}
      {created && (
        <div className="mt-4 space-y-2 rounded-lg bg-emerald-50 p-3 ring-1 ring-emerald-200" data-testid="new-api-key">
          <p className="text-sm font-medium text-emerald-900">Copy this key now. It will not be shown again.</p>
          <div className="flex items-center gap-2">
            <code className="flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-emerald-200" data-testid="new-api-key-value">
              {created}
            </code>
            <CopyButton value={created} />
          </div>
        </div>
      )}
      <div className="mt-5">
        {keys.isPending && <p className="text-sm text-slate-500">Loading keys…</p>}
        {keys.error && <Alert>Couldn&apos;t load your keys: {keys.error.message}</Alert>}
        {keys.data && keys.data.keys.length === 0 && <p className="text-sm text-slate-500">No keys yet.</p>}
        {keys.data && keys.data.keys.length > 0 && (
          <ul className="divide-y divide-slate-100" data-testid="api-key-list">
            {keys.data.keys.map((key) => (
              <RevocableSecretRow key={key.id} item={key} kind="API key" onRevoke={(id) => revoke.mutate(id)} revoking={revoke.isPending} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
