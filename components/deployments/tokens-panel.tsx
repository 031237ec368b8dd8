"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, Card, Field, TextInput } from "@/components/app/ui";
import { RevocableSecretRow } from "@/components/app/revocable-secret-row";
import { apiFetch } from "@/lib/client/api-client";
import { createAccessTokenSchema, type AccessTokenView } from "@/lib/schemas/deployment";
import { deploymentKeys } from "./deployment-queries";
import { rememberFreshToken } from "./fresh-token-store";

type Values = z.input<typeof createAccessTokenSchema>;

/** Access tokens for the MCP endpoint: create (the value goes to the "shown once" box above), list, revoke. */
export function TokensPanel({ deploymentId }: { deploymentId: string }) {
  const queryClient = useQueryClient();
  const key = deploymentKeys.tokens(deploymentId);
  const tokens = useQuery({ queryKey: key, queryFn: () => apiFetch<{ tokens: AccessTokenView[] }>(`/api/deployments/${deploymentId}/tokens`) });
  const form = useForm<Values>({ resolver: zodResolver(createAccessTokenSchema), defaultValues: { name: "" } });
  const create = useMutation({
    mutationFn: (values: Values) => apiFetch<{ token: AccessTokenView & { token: string } }>(`/api/deployments/${deploymentId}/tokens`, { body: values }),
    onSuccess: ({ token }) => {
      rememberFreshToken(deploymentId, token.token);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => apiFetch(`/api/deployments/${deploymentId}/tokens/${tokenId}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const error = form.formState.errors.name?.message;

  return (
    <Card title="Access tokens" className="min-w-0">
      <p className="mb-4 text-sm text-slate-600">
        Clients send a token in the <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization</code> header. Give each client its own, so
        you can revoke one without breaking the others.
      </p>
      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <Field label="New token name" htmlFor="token-name" error={error}>
            <TextInput id="token-name" placeholder="e.g. Claude Desktop on my laptop" invalid={!!error} autoComplete="off" {...form.register("name")} />
          </Field>
        </div>
        <Button type="submit" disabled={create.isPending} className="sm:mt-7" data-testid="create-token">
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {create.error && <div className="mt-3"><Alert>{create.error.message}</Alert></div>}
      {revoke.error && <div className="mt-3"><Alert>Couldn&apos;t revoke: {revoke.error.message}</Alert></div>}
      <div className="mt-5">
        {tokens.isPending && <div className="h-12 animate-pulse rounded-lg bg-slate-100" />}
        {tokens.error && <Alert>Couldn&apos;t load tokens: {tokens.error.message}</Alert>}
        {tokens.data?.tokens.length === 0 && <p className="text-sm text-slate-500">No tokens. Create one to connect a client.</p>}
        {!!tokens.data?.tokens.length && (
          <ul className="divide-y divide-slate-100" data-testid="token-list">
            {tokens.data.tokens.map((t) => (
              <RevocableSecretRow key={t.id} item={t} kind="token" onRevoke={(id) => revoke.mutate(id)} revoking={revoke.isPending} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
