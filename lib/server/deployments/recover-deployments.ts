import "server-only";
import { getDb } from "@/lib/server/db/client";
import { logger } from "@/lib/server/log";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { startDeployment } from "./start-deployment";

/**
 * After the app restarts, deployments that were running (or on their way) come back, two at a time; idle ones stay
 * idle until a request wakes them; failures land in each deployment's status with the reason.
 */
export async function recoverDeployments(): Promise<void> {
  const db = await getDb();
  const runner = getRunner();
  const rows = await db.deployment.findMany({
    where: { desiredRunning: true, status: { in: ["pending", "starting", "running"] }, runner: runner.kind },
    select: { id: true },
    orderBy: { lastRequestAt: { sort: "desc", nulls: "last" } },
  });
  if (!rows.length) return;
  logger.info("bringing deployments back after a restart", { count: rows.length });
  const queue = rows.map((r) => r.id);
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      await startDeployment(id, "started again after Catwalk restarted").catch(() => {});
    }
  };
  await Promise.all([worker(), worker()]);
}

/** On shutdown, local bridges stop with the app (they are its children); their wish to run stays stored. */
export async function stopLocalDeploymentsForShutdown(): Promise<void> {
  const runner = getRunner();
  if (runner.kind !== "local") return;
  const db = await getDb();
  const rows = await db.deployment.findMany({ where: { status: { in: ["starting", "running"] }, runner: "local" }, select: { id: true } });
  await Promise.all(rows.map((r) => runner.stop(r.id).catch(() => {})));
}
