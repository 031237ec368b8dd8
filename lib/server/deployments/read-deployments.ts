import "server-only";
import { getDb } from "@/lib/server/db/client";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { getDeploymentOrThrow } from "./get-deployment-or-throw";
import { reconcileStatus } from "./reconcile-status";
import { toDeploymentDetail, toDeploymentSummary } from "./deployment-view";

export async function listDeployments(userId: string, origin: string) {
  const db = await getDb();
  const rows = await db.deployment.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  const current = await Promise.all(rows.map((row) => reconcileStatus(row, { remote: false })));
  return current.map((row) => toDeploymentSummary(row, origin));
}

export async function getDeploymentDetail(userId: string, id: string, origin: string) {
  const row = await reconcileStatus(await getDeploymentOrThrow(userId, id), { remote: true });
  const db = await getDb();
  const events = await db.deploymentEvent.findMany({ where: { deploymentId: id }, orderBy: { createdAt: "desc" }, take: 50 });
  const runtime = await getRunner().status(id).catch(() => undefined);
  const sandbox = runtime?.sandbox ?? null;
  return toDeploymentDetail(row, events, sandbox, origin);
}
