"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Card } from "@/components/app/ui";
import { apiFetch } from "@/lib/client/api-client";
import type { UsageRow } from "@/lib/schemas/deployment";
import { deploymentKeys } from "./deployment-queries";

export function UsageTable({ deploymentId }: { deploymentId: string }) {
  const usage = useQuery({
    queryKey: deploymentKeys.usage(deploymentId),
    queryFn: () => apiFetch<{ rows: UsageRow[]; totals: { count: number; errors: number } }>(`/api/deployments/${deploymentId}/usage`),
    refetchInterval: 10_000,
  });
  const totals = usage.data?.totals;
  return (
    <Card title="Usage" actions={totals && <span className="text-xs text-slate-500">{totals.count} requests · {totals.errors} errors</span>} className="min-w-0">
      {usage.isPending && <div className="h-16 animate-pulse rounded-lg bg-slate-100" />}
      {usage.error && <Alert>Couldn&apos;t load usage: {usage.error.message}</Alert>}
      {usage.data?.rows.length === 0 && <p className="text-sm text-slate-500">No requests yet. Connect a client to see calls per tool here.</p>}
      {!!usage.data?.rows.length && (
        <div className="-mx-5 overflow-x-auto px-5">
          <table className="w-full text-left text-sm" data-testid="usage-table">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">Tool / method</th>
                <th className="py-2 pr-3 text-right font-medium">Calls</th>
                <th className="py-2 pr-3 text-right font-medium">Errors</th>
                <th className="hidden py-2 pr-3 text-right font-medium sm:table-cell">p50</th>
                <th className="py-2 text-right font-medium">p95</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {usage.data.rows.map((r) => (
                <tr key={`${r.method}:${r.tool ?? ""}`}>
                  <td className="py-2 pr-3 break-all">
                    <span className="font-mono text-xs text-slate-900">{r.tool ?? r.method}</span>
                    {r.tool && <span className="ml-1.5 text-xs text-slate-400">{r.method}</span>}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{r.count}</td>
                  <td className={`py-2 pr-3 text-right tabular-nums ${r.errors ? "font-medium text-red-600" : "text-slate-500"}`}>{r.errors}</td>
                  <td className="hidden py-2 pr-3 text-right text-slate-600 tabular-nums sm:table-cell">{r.p50Ms} ms</td>
                  <td className="py-2 text-right text-slate-600 tabular-nums">{r.p95Ms} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
