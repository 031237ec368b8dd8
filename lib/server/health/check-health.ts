import "server-only";
import { getDatabase } from "@/lib/server/db/client";

export type Health = {
  status: "ok" | "degraded";
  database: { ok: boolean; kind?: string; latencyMs?: number; error?: string };
};

/** Asks the database for real (a query, bounded in time); a connection that merely exists proves nothing. */
export async function checkHealth(timeoutMs = 3_000): Promise<Health> {
  const started = performance.now();
  try {
    const database = await withTimeout(getDatabase(), timeoutMs);
    await withTimeout(database.query("SELECT 1"), timeoutMs);
    return { status: "ok", database: { ok: true, kind: database.kind, latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    // The message names the failure (refused, timeout, "no active leader") but never the connection string.
    const message = error instanceof Error ? error.message.replace(/postgres(ql)?:\/\/\S+/g, "[database url]") : "unknown error";
    return { status: "degraded", database: { ok: false, error: message } };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
