import "server-only";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { recordStatus } from "./record-status";

/**
 * The runner knows things the database does not yet: the local runner stopped an idle deployment, or its bridge
 * died. Bring the stored status in line (and record why) before showing it. Cheap for the local runner (memory);
 * a remote runner is asked only for one deployment's page (`remote`), and only when it claims to be running.
 */
export async function reconcileStatus<Row extends { id: string; status: string; statusReason: string | null }>(row: Row, options: { remote: boolean }): Promise<Row> {
  if (row.status !== "running") return row;
  const runner = getRunner();
  // A list polled every few seconds must not turn into one Machines API call per deployment per poll.
  if (runner.kind !== "local" && !options.remote) return row;
  const runtime = await runner.status(row.id).catch(() => undefined);
  if (!runtime) return row;
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
