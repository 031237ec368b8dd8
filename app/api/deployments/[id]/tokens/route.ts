import { apiHandler } from "@/lib/server/http/api-handler";
import { createAccessTokenSchema } from "@/lib/schemas/deployment";
import { createAccessToken, listAccessTokens } from "@/lib/server/deployments/access-tokens";

export const GET = apiHandler({}, async ({ user, params }) => ({ tokens: await listAccessTokens(user.id, params.id!) }));

export const POST = apiHandler({ body: createAccessTokenSchema }, async ({ user, params, body }) =>
  Response.json({ token: await createAccessToken(user.id, params.id!, body) }, { status: 201 }),
);
