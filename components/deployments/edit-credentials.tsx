"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Card } from "@/components/app/ui";
import { apiFetch } from "@/lib/client/api-client";
import type { DeploymentDetail } from "@/lib/schemas/deployment";
import { CredentialForm } from "./credential-form/credential-form";
import type { CredentialPayload } from "./credential-form/credential-model";
import { deploymentKeys } from "./deployment-queries";

/** The credential form in edit mode: shows which values are stored (never the values); empty keeps them. */
export function EditCredentials({ deployment, onDone }: { deployment: DeploymentDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const save = async (payload: CredentialPayload) => {
    const data = await apiFetch<{ deployment: DeploymentDetail }>(`/api/deployments/${deployment.id}`, {
      method: "PATCH",
      body: { env: payload.env, ...(payload.requiredArgs ? { requiredArgs: payload.requiredArgs } : {}) },
    });
    queryClient.setQueryData(deploymentKeys.detail(deployment.id), data);
    void queryClient.invalidateQueries({ queryKey: deploymentKeys.list });
    onDone();
  };
  return (
    <Card title="Edit credentials" className="min-w-0">
      <p className="mb-5 text-sm text-slate-600">Saving restarts the server with the new values. Fields left empty keep what is stored.</p>
      <CredentialForm
        spec={deployment.spec}
        stored={{ env: deployment.envSet, requiredArgs: deployment.requiredArgs }}
        submitLabel="Save and restart"
        pendingLabel="Saving…"
        onSubmit={save}
        onCancel={onDone}
        testId="edit-credentials-form"
      />
    </Card>
  );
}

/** Read-only summary of which values are stored. */
export function StoredValuesSummary({ deployment }: { deployment: DeploymentDetail }) {
  const entries = deployment.envSet;
  if (entries.length === 0 && deployment.requiredArgs.length === 0) return <p className="text-sm text-slate-500">This server takes no credentials.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="stored-values">
      {entries.map((e) => (
        <li key={e.name} className="flex min-w-0 items-center justify-between gap-2">
          <span className="truncate font-mono text-xs text-slate-800">{e.name}</span>
          <span className={`shrink-0 text-xs ${e.set ? "text-emerald-700" : "text-slate-400"}`}>{e.set ? (e.secret ? "set · secret" : "set") : "not set"}</span>
        </li>
      ))}
      {deployment.requiredArgs.map((a) => (
        <li key={a.name} className="flex min-w-0 items-center justify-between gap-2">
          <span className="truncate font-mono text-xs text-slate-800">{a.name}</span>
          <span className={`shrink-0 text-xs ${a.set ? "text-emerald-700" : "text-slate-400"}`}>{a.set ? "set" : "not set"}</span>
        </li>
      ))}
    </ul>
  );
}
