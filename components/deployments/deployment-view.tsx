"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Alert, Button, Card } from "@/components/app/ui";
import { formatWhen } from "@/components/app/format";
import { ClientConfigs } from "@/components/client-config/client-configs";
import { DeploymentActions } from "./deployment-actions";
import { useDeployment } from "./deployment-queries";
import { EditCredentials, StoredValuesSummary } from "./edit-credentials";
import { EndpointCard } from "./endpoint-card";
import { EventsTimeline } from "./events-timeline";
import { useFreshToken } from "./fresh-token-store";
import { LogsPanel } from "./logs-panel";
import { SandboxNotice } from "./sandbox-notice";
import { STATUS_HELP, StatusBadge } from "./status-badge";
import { TokensPanel } from "./tokens-panel";
import { UsageTable } from "./usage-table";

export function DeploymentView({ id }: { id: string }) {
  const query = useDeployment(id);
  const freshToken = useFreshToken(id);
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editing) editRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [editing]);

  if (query.isPending) return <div className="h-40 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" aria-label="Loading deployment" />;
  if (query.error) {
    return (
      <Alert testId="deployment-load-error">
        {query.error.message}. <Link href="/" className="font-medium underline">Back to your deployments</Link>
      </Alert>
    );
  }
  const { deployment } = query.data;
  const help = STATUS_HELP[deployment.status];

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <p className="text-xs font-medium text-slate-500">
          <Link href="/" className="hover:text-slate-800">
            Deployments
          </Link>{" "}
          / {deployment.name}
        </p>
        <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="min-w-0 truncate text-2xl font-semibold tracking-tight" data-testid="deployment-heading">
                {deployment.name}
              </h1>
              <StatusBadge status={deployment.status} testId="deployment-status" />
            </div>
            <p className="mt-1 text-xs break-all text-slate-500">
              <span className="font-mono">{deployment.package}</span> · {deployment.runner} runner · created {formatWhen(deployment.createdAt)} · last request{" "}
              {formatWhen(deployment.lastRequestAt)}
            </p>
          </div>
          <DeploymentActions deployment={deployment} onEdit={() => setEditing(true)} />
        </div>
        {deployment.status === "failed" && (
          <Alert testId="deployment-failure">
            <strong className="font-semibold">The server failed to start.</strong> {deployment.statusReason ?? "See the logs below."} Check its credentials, then
            restart it.
          </Alert>
        )}
        {deployment.status !== "failed" && (help || deployment.statusReason) && <p className="text-sm text-slate-600">{deployment.statusReason ?? help}</p>}
        <SandboxNotice sandbox={deployment.sandbox} />
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {editing && (
            <div ref={editRef} className="scroll-mt-20">
              <EditCredentials deployment={deployment} onDone={() => setEditing(false)} />
            </div>
          )}
          <EndpointCard url={deployment.endpointUrl} freshToken={freshToken} />
          <ClientConfigs name={deployment.name} url={deployment.endpointUrl} token={freshToken} />
          <LogsPanel deploymentId={deployment.id} />
          <UsageTable deploymentId={deployment.id} />
        </div>
        <div className="min-w-0 space-y-6">
          <TokensPanel deploymentId={deployment.id} />
          <Card
            title="Credentials"
            actions={
              !editing && (
                <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(true)}>
                  Edit
                </Button>
              )
            }
          >
            <StoredValuesSummary deployment={deployment} />
          </Card>
          <EventsTimeline events={deployment.events} />
        </div>
      </div>
    </div>
  );
}
