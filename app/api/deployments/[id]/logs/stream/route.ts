import { apiHandler } from "@/lib/server/http/api-handler";
import { sseResponse } from "@/lib/server/http/sse";
import { followDeploymentLogs } from "@/lib/server/deployments/deployment-logs";
import { getDeploymentOrThrow } from "@/lib/server/deployments/get-deployment-or-throw";

export const dynamic = "force-dynamic";

/** Live log lines as Server-Sent Events (`event: log`), with a comment heartbeat so proxies keep the stream open. */
export const GET = apiHandler({}, async ({ user, params, request }) => {
  await getDeploymentOrThrow(user.id, params.id!);
  return sseResponse(
    (send, signal) =>
      new Promise<void>((resolve) => {
        const unsubscribe = followDeploymentLogs(params.id!, (line) => send("log", line));
        const heartbeat = setInterval(() => send("ping", {}), 20_000);
        signal.addEventListener("abort", () => {
          clearInterval(heartbeat);
          unsubscribe();
          resolve();
        });
      }),
    request,
  );
});
