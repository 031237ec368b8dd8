import "server-only";
import { getDb } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/http/api-error";
import { logger } from "@/lib/server/log";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { RuntimeError, type RuntimeHandle } from "@/lib/server/runtime/runner";
import { serverSpecSchema } from "@/lib/spec/server-spec";
import { KeyringError } from "@/lib/server/crypto/secret-box";
import { buildRunSpec } from "./build-run-spec";
import { recordStatus } from "./record-status";
import { persistLogs } from "./persist-logs";
import { openCredentials, readStoredCredentials } from "./stored-credentials";

// One start per deployment at a time in this process: a wake and a click on "start" share the same attempt.
const holder = globalThis as typeof globalThis & { __catwalkStarts?: Map<string, Promise<RuntimeHandle>> };
const starts = (holder.__catwalkStarts ??= new Map());

/**
 * starting → running (only after an MCP initialize through the bridge succeeded) or failed, each with its reason.
 * Credentials are decrypted here, on their way to the runner, and nowhere else.
 */
export function startDeployment(deploymentId: string, reason: string): Promise<RuntimeHandle> {
  const existing = starts.get(deploymentId);
  if (existing) return existing;
  const attempt = runStart(deploymentId, reason).finally(() => starts.delete(deploymentId));
  starts.set(deploymentId, attempt);
  return attempt;
}

async function runStart(deploymentId: string, reason: string): Promise<RuntimeHandle> {
  const db = await getDb();
  const row = await db.deployment.findUnique({ where: { id: deploymentId }, select: { spec: true, encryptedEnv: true } });
  if (!row) throw new ApiError("not_found", "No deployment with this id.");
  await recordStatus(deploymentId, "starting", reason, { desiredRunning: true });
  persistLogs(deploymentId);
  const started = performance.now();
  try {
    const credentials = openCredentials(deploymentId, readStoredCredentials(row.encryptedEnv));
    const handle = await getRunner().start(buildRunSpec(deploymentId, serverSpecSchema.parse(row.spec), credentials));
    if (!(await db.deployment.findUnique({ where: { id: deploymentId }, select: { id: true } }))) {
      // Deleted while it was starting: nothing may keep running for a deployment that no longer exists.
      await getRunner().destroy(deploymentId);
      throw new ApiError("not_found", "This deployment was deleted while it was starting.");
    }
    const ms = Math.round(performance.now() - started);
    await recordStatus(deploymentId, "running", `MCP initialize through the bridge succeeded (${ms} ms)`, { runtimeId: handle.id, runtimeUrl: handle.endpoint });
    return handle;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // RuntimeError messages are written for people and carry only redacted output; anything else is logged, not shown.
    const message =
      error instanceof RuntimeError
        ? error.message
        : error instanceof KeyringError
          ? `Its stored credentials cannot be decrypted (${error.message}). Restore the previous key in CATWALK_ENCRYPTION_KEYS, or enter the credentials again.`
          : "The runtime failed to start; the server log has the details.";
    if (!(error instanceof RuntimeError)) logger.error("deployment start failed", { deploymentId, error });
    await recordStatus(deploymentId, "failed", message);
    throw error instanceof RuntimeError ? new ApiError("unavailable", message) : error;
  }
}

/** Starts in the background; the outcome lands in the deployment's status and events. */
export function startDeploymentInBackground(deploymentId: string, reason: string): void {
  startDeployment(deploymentId, reason).catch(() => {});
}
