import "server-only";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { forgetHandle } from "@/lib/server/mcp/ensure-running";
import { getDeploymentOrThrow } from "./get-deployment-or-throw";
import { startDeploymentInBackground } from "./start-deployment";
import { stopDeployment } from "./stop-deployment";

/** stop / start / restart from the dashboard or the API; starts run in the background and report through status. */
export async function runDeploymentAction(userId: string, id: string, action: "start" | "stop" | "restart"): Promise<void> {
  await getDeploymentOrThrow(userId, id);
  forgetHandle(id);
  if (action === "stop") return stopDeployment(id);
  if (action === "restart") await getRunner().stop(id);
  startDeploymentInBackground(id, action === "restart" ? "restarted by you" : "started by you");
}
