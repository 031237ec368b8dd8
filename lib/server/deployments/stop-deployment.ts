import "server-only";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { recordStatus } from "./record-status";

/** Stops the runtime and remembers that the user wants it stopped (so neither a request nor a restart wakes it). */
export async function stopDeployment(deploymentId: string, reason = "stopped by you"): Promise<void> {
  await getRunner().stop(deploymentId);
  await recordStatus(deploymentId, "stopped", reason, { desiredRunning: false });
}
