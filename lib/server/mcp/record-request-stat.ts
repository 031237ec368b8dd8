import "server-only";
import { getDb } from "@/lib/server/db/client";
import { createBatchWriter } from "@/lib/server/db/batch-writer";

type Stat = { deploymentId: string; method: string; tool: string | null; status: number; rpcError: boolean; durationMs: number; at: Date };

/** Usage is recorded off the hot path, in batches, together with each deployment's lastRequestAt. */
const stats = createBatchWriter<Stat>({
  key: "__catwalkStats",
  what: "usage",
  maxBatch: 500,
  write: async (batch) => {
    const db = await getDb();
    const latest = new Map<string, Date>();
    for (const s of batch) latest.set(s.deploymentId, s.at);
    await db.requestStat.createMany({ data: batch });
    await Promise.all([...latest].map(([id, at]) => db.deployment.updateMany({ where: { id }, data: { lastRequestAt: at } })));
  },
});

export function recordRequestStat(stat: Omit<Stat, "at">): void {
  stats.push({ ...stat, at: new Date() });
}

export const flushRequestStats = stats.flush;

/** Whether a JSON answer carries a JSON-RPC error or a failed tool result (both arrive with HTTP 200). */
export function isRpcFailure(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as unknown;
    return (Array.isArray(parsed) ? parsed : [parsed]).some((m) => {
      const message = m as { error?: unknown; result?: { isError?: unknown } } | null;
      return !!message && (message.error !== undefined || message.result?.isError === true);
    });
  } catch {
    return false;
  }
}

/** The JSON-RPC method (and tool name for tools/call) of a request body, without trusting its shape. */
export function describeRpc(body: Buffer): { method: string; tool: string | null } {
  if (!body.length) return { method: "-", tool: null };
  try {
    const message = JSON.parse(body.toString("utf8")) as unknown;
    if (Array.isArray(message)) return { method: "batch", tool: null };
    const m = message as { method?: unknown; params?: { name?: unknown } };
    const method = typeof m.method === "string" ? m.method.slice(0, 100) : "response";
    const tool = method === "tools/call" && typeof m.params?.name === "string" ? m.params.name.slice(0, 200) : null;
    return { method, tool };
  } catch {
    return { method: "invalid", tool: null };
  }
}
