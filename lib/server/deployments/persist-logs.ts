import "server-only";
import { getDb } from "@/lib/server/db/client";
import { createBatchWriter } from "@/lib/server/db/batch-writer";
import { getRunner } from "@/lib/server/runtime/get-runner";
import type { RuntimeLogLine } from "@/lib/server/runtime/runner";

/** Lines kept per deployment in the database; older ones are pruned. */
export const LOG_LINES_KEPT = 1000;

type Pending = { deploymentId: string; stream: string; line: string; at: Date };

const holder = globalThis as typeof globalThis & { __catwalkLogSubscriptions?: Map<string, () => void>; __catwalkLogFlushes?: number };
const subscriptions = (holder.__catwalkLogSubscriptions ??= new Map());

const lines = createBatchWriter<Pending>({
  key: "__catwalkLogQueue",
  what: "log lines",
  maxBatch: 1000,
  write: async (batch) => {
    const db = await getDb();
    await db.logLine.createMany({ data: batch });
    // Pruning costs a query per deployment: every tenth write is enough to keep the table bounded.
    holder.__catwalkLogFlushes = (holder.__catwalkLogFlushes ?? 0) + 1;
    if (holder.__catwalkLogFlushes % 10 !== 0) return;
    for (const id of new Set(batch.map((b) => b.deploymentId))) {
      await db.$executeRaw`DELETE FROM "LogLine" WHERE "deploymentId" = ${id} AND id < (
        SELECT id FROM "LogLine" WHERE "deploymentId" = ${id} ORDER BY id DESC OFFSET ${LOG_LINES_KEPT} LIMIT 1)`;
    }
  },
});

type LogSource = { onLog?: (id: string, listener: (line: RuntimeLogLine) => void) => () => void };

/**
 * Copies a deployment's (already redacted) log lines into the database as the runner produces them, so they
 * outlive the process and an app restart. Runners that cannot push lines (Fly) are read on demand instead.
 */
export function persistLogs(deploymentId: string): void {
  const runner = getRunner() as ReturnType<typeof getRunner> & LogSource;
  if (!runner.onLog || subscriptions.has(deploymentId)) return;
  const unsubscribe = runner.onLog(deploymentId, (line) => {
    lines.push({ deploymentId, stream: line.stream, line: line.line.slice(0, 4000), at: line.at });
  });
  subscriptions.set(deploymentId, unsubscribe);
}

export function stopPersistingLogs(deploymentId: string): void {
  subscriptions.get(deploymentId)?.();
  subscriptions.delete(deploymentId);
}

export const flushLogs = lines.flush;
