import { apiHandler } from "@/lib/server/http/api-handler";
import { requestOrigin } from "@/lib/server/http/request-origin";
import { deploymentActionSchema } from "@/lib/schemas/deployment";
import { getDeploymentDetail } from "@/lib/server/deployments/read-deployments";
import { runDeploymentAction } from "@/lib/server/deployments/run-deployment-action";

export const POST = apiHandler({ body: deploymentActionSchema }, async ({ user, params, body, request }) => {
  await runDeploymentAction(user.id, params.id!, body.action);
  return { deployment: await getDeploymentDetail(user.id, params.id!, requestOrigin(request)) };
});
