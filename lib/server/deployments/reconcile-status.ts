import "server-only";
import type { Runner } from "@/lib/server/runtime/runner";
import { recordStatus } from "./record-status";

export type RuntimeStatus = Awaited<ReturnType<Runner["status"]>>;

/**
 * The runner knows things the database does not yet: the local runner stopped an idle deployment, or its bridge
 * died. Bring the stored status in line (and record why) before showing it. The caller decides whether asking the
 * runner is cheap enough (memory for the local runner; an API call for Fly).
 */
export async function reconcileStatus<Row extends { id: string; status: string; statusReason: string | null }>(row: Row, runtime: RuntimeStatus | undefined): Promise<Row> {
  if (row.status !== "running" || !runtime) return row;
  if (runtime.status === "stopped" && runtime.detail === "idle") {
    const reason = "stopped after a while without requests; the next request starts it again";
    await recordStatus(row.id, "idle", reason);
    return { ...row, status: "idle", statusReason: reason };
  }
  if (runtime.status === "failed") {
    const reason = runtime.detail ?? "the runtime stopped unexpectedly";
    await recordStatus(row.id, "failed", reason);
    return { ...row, status: "failed", statusReason: reason };
  }
  return row;
}
