import "server-only";
import { getDb } from "@/lib/server/db/client";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { getDeploymentOrThrow } from "./get-deployment-or-throw";
import { stopPersistingLogs } from "./persist-logs";
import { forgetEndpointCache } from "@/lib/server/mcp/endpoint-cache";
import { forgetHandle } from "@/lib/server/mcp/ensure-running";

/** Destroys the runtime first (so nothing keeps running unseen), then erases the row: ciphertexts, tokens, events. */
export async function deleteDeployment(userId: string, id: string): Promise<void> {
  await getDeploymentOrThrow(userId, id);
  stopPersistingLogs(id);
  await getRunner().destroy(id);
  const db = await getDb();
  await db.deployment.delete({ where: { id } });
  forgetEndpointCache(id);
  forgetHandle(id);
}
