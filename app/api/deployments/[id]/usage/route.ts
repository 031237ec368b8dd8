import { apiHandler } from "@/lib/server/http/api-handler";
import { readUsage } from "@/lib/server/deployments/read-usage";

export const dynamic = "force-dynamic";

export const GET = apiHandler({}, async ({ user, params }) => readUsage(user.id, params.id!));
