import { apiHandler } from "@/lib/server/http/api-handler";
import { readDeploymentLogs } from "@/lib/server/deployments/deployment-logs";

export const dynamic = "force-dynamic";

export const GET = apiHandler({}, async ({ user, params, request }) => {
  const limit = Math.min(1000, Math.max(1, Number(new URL(request.url).searchParams.get("limit") ?? 200) || 200));
  return { lines: await readDeploymentLogs(user.id, params.id!, limit) };
});
