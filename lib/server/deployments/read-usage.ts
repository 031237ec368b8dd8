import "server-only";
import { getDb } from "@/lib/server/db/client";
import type { UsageRow } from "@/lib/schemas/deployment";
import { getDeploymentOrThrow } from "./get-deployment-or-throw";
import { flushRequestStats } from "@/lib/server/mcp/record-request-stat";

/** Requests, errors and latency per tool (and per method for everything that is not a tool call), last 7 days. */
export async function readUsage(userId: string, id: string): Promise<{ rows: UsageRow[]; totals: { count: number; errors: number } }> {
  await getDeploymentOrThrow(userId, id);
  await flushRequestStats(); // this process's queued calls count too
  const db = await getDb();
  const since = new Date(Date.now() - 7 * 24 * 3600_000);
  const rows = await db.$queryRaw<{ tool: string | null; method: string; count: bigint; errors: bigint; p50: number | null; p95: number | null }[]>`
    SELECT tool, method, count(*) AS count, count(*) FILTER (WHERE status >= 400 OR "rpcError") AS errors,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95
    FROM "RequestStat" WHERE "deploymentId" = ${id} AND at >= ${since}
    GROUP BY tool, method ORDER BY count(*) DESC LIMIT 100`;
  const view = rows.map((r) => ({
    tool: r.tool,
    method: r.method,
    count: Number(r.count),
    errors: Number(r.errors),
    p50Ms: Math.round(Number(r.p50 ?? 0)),
    p95Ms: Math.round(Number(r.p95 ?? 0)),
  }));
  return { rows: view, totals: { count: view.reduce((n, r) => n + r.count, 0), errors: view.reduce((n, r) => n + r.errors, 0) } };
}
