import "server-only";
import { getDb } from "@/lib/server/db/client";
import { logger } from "@/lib/server/log";

type Stat = { deploymentId: string; method: string; tool: string | null; status: number; durationMs: number; at: Date };

/**
 * Usage is recorded off the hot path: stats are queued in memory and written in one insert per second (or per 500),
 * together with each deployment's lastRequestAt.
 */
const holder = globalThis as typeof globalThis & { __catwalkStats?: { queue: Stat[]; timer?: NodeJS.Timeout } };
const state = (holder.__catwalkStats ??= { queue: [] });

export function recordRequestStat(stat: Omit<Stat, "at">): void {
  state.queue.push({ ...stat, at: new Date() });
  if (state.queue.length >= 500) void flushRequestStats();
  else state.timer ??= setTimeout(() => void flushRequestStats(), 1_000);
}

export async function flushRequestStats(): Promise<void> {
  clearTimeout(state.timer);
  state.timer = undefined;
  const batch = state.queue.splice(0);
  if (!batch.length) return;
  try {
    const db = await getDb();
    const latest = new Map<string, Date>();
    for (const s of batch) latest.set(s.deploymentId, s.at);
    await db.requestStat.createMany({ data: batch });
    await Promise.all([...latest].map(([id, at]) => db.deployment.updateMany({ where: { id }, data: { lastRequestAt: at } })));
  } catch (error) {
    // A deployment deleted between the call and the flush, or the database being away: usage is best effort.
    logger.warn("could not record usage", { error, count: batch.length });
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
