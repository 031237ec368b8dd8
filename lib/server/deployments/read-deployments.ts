import "server-only";
import { getDb } from "@/lib/server/db/client";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { getDeploymentOrThrow } from "./get-deployment-or-throw";
import { reconcileStatus } from "./reconcile-status";
import { toDeploymentDetail, toDeploymentSummary } from "./deployment-view";

export async function listDeployments(userId: string, origin: string) {
  const db = await getDb();
  const rows = await db.deployment.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  const runner = getRunner();
  // A list polled every few seconds must not turn into one Machines API call per deployment per poll: only the
  // local runner (memory) is asked here.
  const current = await Promise.all(
    rows.map(async (row) => reconcileStatus(row, runner.kind === "local" && row.status === "running" ? await runner.status(row.id) : undefined)),
  );
  return current.map((row) => toDeploymentSummary(row, origin));
}

export async function getDeploymentDetail(userId: string, id: string, origin: string) {
  const stored = await getDeploymentOrThrow(userId, id);
  const runtime = await getRunner().status(id).catch(() => undefined);
  const row = await reconcileStatus(stored, runtime);
  const db = await getDb();
  const events = await db.deploymentEvent.findMany({ where: { deploymentId: id }, orderBy: { createdAt: "desc" }, take: 50 });
  return toDeploymentDetail(row, events, runtime?.sandbox ?? null, origin);
}
