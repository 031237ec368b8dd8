import "server-only";
import { getRunner } from "@/lib/server/runtime/get-runner";
import type { RuntimeLogLine } from "@/lib/server/runtime/runner";
import type { LogLineView } from "@/lib/schemas/deployment";
import { getDeploymentOrThrow } from "./get-deployment-or-throw";
import { getDb } from "@/lib/server/db/client";
import { flushLogs } from "./persist-logs";

const toView = (line: Pick<RuntimeLogLine, "at" | "line"> & { stream: string }): LogLineView => ({ at: line.at.toISOString(), stream: line.stream, line: line.line });

/**
 * Recent lines, from the database (they survive restarts) where the runner pushes them, else from the runner.
 * The runtime redacted every known secret value before they got here.
 */
export async function readDeploymentLogs(userId: string, id: string, limit: number): Promise<LogLineView[]> {
  await getDeploymentOrThrow(userId, id);
  const runner = getRunner() as ReturnType<typeof getRunner> & { onLog?: unknown };
  if (!runner.onLog) return (await runner.logs(id, { limit })).map(toView);
  await flushLogs();
  const db = await getDb();
  const rows = await db.logLine.findMany({ where: { deploymentId: id }, orderBy: { id: "desc" }, take: limit, select: { at: true, stream: true, line: true } });
  return rows.reverse().map(toView);
}

/** Live lines: pushed by runners that can (local), polled from the others. Returns an unsubscribe function. */
export function followDeploymentLogs(id: string, listener: (line: LogLineView) => void): () => void {
  const runner = getRunner() as ReturnType<typeof getRunner> & { onLog?: (id: string, l: (line: RuntimeLogLine) => void) => () => void };
  if (runner.onLog) return runner.onLog(id, (line) => listener(toView(line)));
  let since = Date.now();
  const timer = setInterval(async () => {
    const lines = await runner.logs(id, { limit: 200 }).catch(() => []);
    for (const line of lines) if (line.at.getTime() > since) listener(toView(line));
    since = Math.max(since, ...lines.map((l) => l.at.getTime()));
  }, 2_000);
  return () => clearInterval(timer);
}
