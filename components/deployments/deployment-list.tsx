"use client";

import Link from "next/link";
import { Alert, Card } from "@/components/app/ui";
import { formatWhen } from "@/components/app/format";
import { useDeployments } from "./deployment-queries";
import { StatusBadge } from "./status-badge";

export function DeploymentList() {
  const deployments = useDeployments();
  const count = deployments.data?.deployments.length;
  return (
    <Card title={count ? `Your deployments (${count})` : "Your deployments"}>
      {deployments.isPending && <ListSkeleton />}
      {deployments.error && <Alert>Couldn&apos;t load your deployments: {deployments.error.message}. Reload the page to try again.</Alert>}
      {count === 0 && (
        <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center" data-testid="deployments-empty">
          <p className="text-sm font-medium text-slate-800">No deployments yet</p>
          <p className="mt-1 text-sm text-slate-500">Paste a repository above. Catwalk analyzes it, asks for its credentials, and gives you an endpoint URL.</p>
        </div>
      )}
      {!!count && (
        <ul className="-my-3 divide-y divide-slate-100" data-testid="deployment-list">
          {deployments.data?.deployments.map((d) => (
            <li key={d.id} className="py-3" data-testid="deployment-row">
              <Link
                href={`/deployments/${d.id}`}
                className="-mx-2 flex flex-col gap-1 rounded-lg px-2 py-1.5 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4"
              >
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-slate-900">{d.name}</p>
                  <p className="truncate font-mono text-xs text-slate-500">{d.package}</p>
                </div>
                <div className="flex items-center gap-3 text-xs text-slate-500">
                  <span>last request {formatWhen(d.lastRequestAt)}</span>
                  <StatusBadge status={d.status} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ListSkeleton() {
  return (
    <div className="space-y-3" aria-label="Loading deployments">
      {[0, 1].map((i) => (
        <div key={i} className="h-10 animate-pulse rounded-lg bg-slate-100" />
      ))}
    </div>
  );
}
