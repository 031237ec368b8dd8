import "server-only";
import { getDb } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { withTimeout } from "@/lib/server/async/with-timeout";
import { getRunner } from "@/lib/server/runtime/get-runner";
import type { RuntimeHandle } from "@/lib/server/runtime/runner";
import { startDeployment } from "@/lib/server/deployments/start-deployment";
import { recordStatus } from "@/lib/server/deployments/record-status";

/** Per-process memory of where each running deployment's bridge listens; dropped when a request to it fails. */
const holder = globalThis as typeof globalThis & { __catwalkHandles?: Map<string, { handle: RuntimeHandle; expires: number }> };
const handles = (holder.__catwalkHandles ??= new Map());
const handleTtlMs = 30_000;

export function forgetHandle(deploymentId: string): void {
  handles.delete(deploymentId);
}

/**
 * The bridge endpoint of a deployment, waking it when it is idle (or was lost with an app restart), holding the
 * request until it is ready, bounded by CATWALK_WAKE_TIMEOUT_MS. A deployment its owner stopped, or one that failed,
 * is not started behind the owner's back: those answer 503 with the reason.
 */
export async function ensureRunning(deploymentId: string): Promise<RuntimeHandle> {
  const runner = getRunner();
  const known = handles.get(deploymentId);
  if (known && known.expires > Date.now()) {
    touch(deploymentId);
    return known.handle;
  }
  const runtime = await runner.status(deploymentId);
  if (runtime.status === "running" && runtime.handle) return remember(deploymentId, runtime.handle);

  const db = await getDb();
  const row = await db.deployment.findUnique({ where: { id: deploymentId }, select: { status: true, statusReason: true, desiredRunning: true } });
  if (!row) throw new ApiError("not_found", "This deployment no longer exists.");
  if (!row.desiredRunning || row.status === "stopped") throw new ApiError("unavailable", "This deployment is stopped. Start it from the Catwalk dashboard.");
  if (row.status === "failed") throw new ApiError("unavailable", `This deployment failed: ${row.statusReason ?? "see its logs"}. Restart it from the dashboard.`);
  if (row.status === "running" && runtime.status === "stopped") {
    await recordStatus(deploymentId, "idle", "stopped after a while without requests");
  }
  const ms = env.CATWALK_WAKE_TIMEOUT_MS;
  const handle = await withTimeout(
    startDeployment(deploymentId, "woken by an MCP request"),
    ms,
    () => new ApiError("unavailable", `The deployment is still starting after ${Math.round(ms / 1000)} s; try again shortly.`, undefined, { "Retry-After": "5" }),
  );
  return remember(deploymentId, handle);
}

function remember(deploymentId: string, handle: RuntimeHandle): RuntimeHandle {
  handles.set(deploymentId, { handle, expires: Date.now() + handleTtlMs });
  touch(deploymentId);
  return handle;
}

function touch(deploymentId: string): void {
  const runner = getRunner() as { touch?: (id: string) => void };
  runner.touch?.(deploymentId);
}
