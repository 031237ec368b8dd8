import { apiHandler } from "@/lib/server/http/api-handler";
import { revokeApiKey } from "@/lib/server/auth/api-keys";

export const DELETE = apiHandler({}, async ({ user, params }) => {
  await revokeApiKey(user.id, params.id!);
  return { ok: true };
});
