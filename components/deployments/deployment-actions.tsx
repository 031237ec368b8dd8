"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button } from "@/components/app/ui";
import { apiFetch } from "@/lib/client/api-client";
import type { DeploymentDetail } from "@/lib/schemas/deployment";
import { DeleteDialog } from "./delete-dialog";
import { deploymentKeys } from "./deployment-queries";

type Action = "start" | "stop" | "restart";

/** Start / stop / restart, edit credentials, delete (after confirmation). */
export function DeploymentActions({ deployment, onEdit }: { deployment: DeploymentDetail; onEdit: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const act = useMutation({
    mutationFn: (action: Action) => apiFetch<{ deployment: DeploymentDetail }>(`/api/deployments/${deployment.id}/actions`, { body: { action } }),
    onSuccess: (data) => {
      queryClient.setQueryData(deploymentKeys.detail(deployment.id), data);
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.list });
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/deployments/${deployment.id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: deploymentKeys.detail(deployment.id) });
      void queryClient.invalidateQueries({ queryKey: deploymentKeys.list });
      router.push("/");
    },
  });
  const stoppable = deployment.status === "running" || deployment.status === "starting" || deployment.status === "pending" || deployment.status === "idle";
  const busy = act.isPending;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" data-testid="deployment-actions">
        {stoppable ? (
          <Button variant="secondary" onClick={() => act.mutate("stop")} disabled={busy} data-testid="action-stop">
            {act.isPending && act.variables === "stop" ? "Stopping…" : "Stop"}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => act.mutate("start")} disabled={busy} data-testid="action-start">
            {act.isPending && act.variables === "start" ? "Starting…" : "Start"}
          </Button>
        )}
        <Button variant="secondary" onClick={() => act.mutate("restart")} disabled={busy} data-testid="action-restart">
          {act.isPending && act.variables === "restart" ? "Restarting…" : "Restart"}
        </Button>
        <Button variant="secondary" onClick={onEdit} data-testid="action-edit">
          Edit credentials
        </Button>
        <Button variant="danger" onClick={() => setConfirming(true)} data-testid="action-delete">
          Delete
        </Button>
      </div>
      {act.error && <Alert>Couldn&apos;t {act.variables} the deployment: {act.error.message}</Alert>}
      <DeleteDialog
        open={confirming}
        name={deployment.name}
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}
