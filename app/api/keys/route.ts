import { apiHandler } from "@/lib/server/http/api-handler";
import { createApiKey, listApiKeys } from "@/lib/server/auth/api-keys";
import { createApiKeySchema } from "@/lib/schemas/account";

export const GET = apiHandler({}, async ({ user }) => ({ keys: await listApiKeys(user.id) }));

export const POST = apiHandler({ body: createApiKeySchema }, async ({ user, body }) =>
  Response.json({ key: await createApiKey(user.id, body) }, { status: 201 }),
);
