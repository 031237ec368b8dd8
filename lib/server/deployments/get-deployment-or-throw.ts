import "server-only";
import { getDb } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/http/api-error";

const base = { id: true, userId: true, name: true, status: true, statusReason: true, runner: true, spec: true, createdAt: true, lastRequestAt: true, desiredRunning: true } as const;

/** The user's own deployment; another user's deployment is "not found", exactly like one that does not exist. */
export async function getDeploymentOrThrow(userId: string, id: string) {
  const db = await getDb();
  const row = await db.deployment.findFirst({ where: { id, userId }, select: { ...base, encryptedEnv: true } });
  if (!row) throw new ApiError("not_found", "No deployment with this id.");
  return row;
}
