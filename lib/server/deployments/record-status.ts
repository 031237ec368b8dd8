import "server-only";
import { getDb } from "@/lib/server/db/client";
import type { DeploymentStatus } from "@/lib/schemas/deployment";

type RuntimeFields = { runtimeId?: string | null; runtimeUrl?: string | null; desiredRunning?: boolean };

/**
 * Moves a deployment to a status and stores the transition as an event with its reason, in one transaction.
 * A deployment deleted meanwhile is left alone (no event for a row that is gone).
 */
export async function recordStatus(deploymentId: string, status: DeploymentStatus, reason: string, extra: RuntimeFields = {}): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.deployment.updateMany({
      where: { id: deploymentId },
      data: { status, statusReason: reason, ...extra, ...(status === "running" ? { startedAt: new Date() } : {}) },
    });
    if (count) await tx.deploymentEvent.create({ data: { deploymentId, kind: status, message: reason } });
  });
}
