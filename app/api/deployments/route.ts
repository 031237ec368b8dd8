import { apiHandler } from "@/lib/server/http/api-handler";
import { requestOrigin } from "@/lib/server/http/request-origin";
import { createDeploymentSchema } from "@/lib/schemas/deployment";
import { createDeployment } from "@/lib/server/deployments/create-deployment";
import { getDeploymentDetail, listDeployments } from "@/lib/server/deployments/read-deployments";

export const dynamic = "force-dynamic";

export const GET = apiHandler({}, async ({ user, request }) => ({ deployments: await listDeployments(user.id, requestOrigin(request)) }));

export const POST = apiHandler({ body: createDeploymentSchema, maxBodyBytes: 1024 * 1024 }, async ({ user, body, request }) => {
  const { id, token } = await createDeployment(user.id, body);
  const deployment = await getDeploymentDetail(user.id, id, requestOrigin(request));
  return Response.json({ deployment, token }, { status: 201 });
});
