import { apiHandler } from "@/lib/server/http/api-handler";
import { revokeAccessToken } from "@/lib/server/deployments/access-tokens";

export const DELETE = apiHandler({}, async ({ user, params }) => {
  await revokeAccessToken(user.id, params.id!, params.tokenId!);
  return { ok: true };
});
