import "server-only";
import { getDb } from "@/lib/server/db/client";
import { logger } from "@/lib/server/log";
import { getRunner } from "@/lib/server/runtime/get-runner";
import type { RuntimeLogLine } from "@/lib/server/runtime/runner";

/** Lines kept per deployment in the database; older ones are pruned. */
export const LOG_LINES_KEPT = 1000;

type Pending = { deploymentId: string; stream: string; line: string; at: Date };

type State = { queue: Pending[]; timer?: NodeJS.Timeout; subscriptions: Map<string, () => void>; flushes: number };
const holder = globalThis as typeof globalThis & { __catwalkLogs?: State };
const state: State = (holder.__catwalkLogs ??= { queue: [], subscriptions: new Map(), flushes: 0 });

type LogSource = { onLog?: (id: string, listener: (line: RuntimeLogLine) => void) => () => void };

/**
 * Copies a deployment's (already redacted) log lines into the database as the runner produces them, so they
 * outlive the process and an app restart. Written in batches off the request path; bounded per deployment.
 * Runners that cannot push lines (Fly) are read on demand instead.
 */
export function persistLogs(deploymentId: string): void {
  const runner = getRunner() as ReturnType<typeof getRunner> & LogSource;
  if (!runner.onLog || state.subscriptions.has(deploymentId)) return;
  const unsubscribe = runner.onLog(deploymentId, (line) => {
    state.queue.push({ deploymentId, stream: line.stream, line: line.line.slice(0, 4000), at: line.at });
    state.timer ??= setTimeout(() => void flushLogs(), 1_000);
  });
  state.subscriptions.set(deploymentId, unsubscribe);
}

export function stopPersistingLogs(deploymentId: string): void {
  state.subscriptions.get(deploymentId)?.();
  state.subscriptions.delete(deploymentId);
}

export async function flushLogs(): Promise<void> {
  clearTimeout(state.timer);
  state.timer = undefined;
  const batch = state.queue.splice(0);
  if (!batch.length) return;
  try {
    const db = await getDb();
    await db.logLine.createMany({ data: batch });
    // Pruning costs a query per deployment: every tenth flush is enough to keep the table bounded.
    if (++state.flushes % 10 === 0) {
      for (const id of new Set(batch.map((b) => b.deploymentId))) {
        await db.$executeRaw`DELETE FROM "LogLine" WHERE "deploymentId" = ${id} AND id < (
          SELECT id FROM "LogLine" WHERE "deploymentId" = ${id} ORDER BY id DESC OFFSET ${LOG_LINES_KEPT} LIMIT 1)`;
      }
    }
  } catch (error) {
    // A deployment deleted between the line and the flush; or the database is away: logs are best effort.
    logger.warn("could not store log lines", { error, count: batch.length });
  }
}
