import { apiHandler } from "@/lib/server/http/api-handler";
import { requestOrigin } from "@/lib/server/http/request-origin";
import { updateDeploymentSchema } from "@/lib/schemas/deployment";
import { getDeploymentDetail } from "@/lib/server/deployments/read-deployments";
import { updateDeployment } from "@/lib/server/deployments/update-deployment";
import { deleteDeployment } from "@/lib/server/deployments/delete-deployment";

export const dynamic = "force-dynamic";

export const GET = apiHandler({}, async ({ user, params, request }) => ({
  deployment: await getDeploymentDetail(user.id, params.id!, requestOrigin(request)),
}));

export const PATCH = apiHandler({ body: updateDeploymentSchema, maxBodyBytes: 1024 * 1024 }, async ({ user, params, body, request }) => {
  await updateDeployment(user.id, params.id!, body);
  return { deployment: await getDeploymentDetail(user.id, params.id!, requestOrigin(request)) };
});

export const DELETE = apiHandler({}, async ({ user, params }) => {
  await deleteDeployment(user.id, params.id!);
  return { ok: true };
});
