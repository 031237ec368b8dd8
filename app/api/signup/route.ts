import { apiHandler } from "@/lib/server/http/api-handler";
import { createUser } from "@/lib/server/auth/create-user";
import { createUserSchema } from "@/lib/schemas/account";

export const POST = apiHandler({ auth: false, body: createUserSchema }, async ({ body }) => {
  const user = await createUser(body);
  return Response.json({ user }, { status: 201 });
});
