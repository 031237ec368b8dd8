import "server-only";
import { getDatabase } from "@/lib/server/db/client";
import { withTimeout } from "@/lib/server/async/with-timeout";

export type Health = {
  status: "ok" | "degraded";
  database: { ok: boolean; kind?: string; latencyMs?: number; error?: string };
};

/** Asks the database for real (a query, bounded in time); a connection that merely exists proves nothing. */
export async function checkHealth(timeoutMs = 3_000): Promise<Health> {
  const started = performance.now();
  try {
    const late = () => new Error(`no answer within ${timeoutMs} ms`);
    const database = await withTimeout(getDatabase(), timeoutMs, late);
    await withTimeout(database.query("SELECT 1"), timeoutMs, late);
    return { status: "ok", database: { ok: true, kind: database.kind, latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    // The message names the failure (refused, timeout, "no active leader") but never the connection string.
    const message = error instanceof Error ? error.message.replace(/postgres(ql)?:\/\/\S+/g, "[database url]") : "unknown error";
    return { status: "degraded", database: { ok: false, error: message } };
  }
}
