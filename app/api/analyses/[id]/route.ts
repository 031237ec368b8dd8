import { apiHandler } from "@/lib/server/http/api-handler";
import { getAnalysisOrThrow } from "@/lib/server/analyses/run-analysis";

export const GET = apiHandler({}, async ({ user, params }) => ({ analysis: await getAnalysisOrThrow(user.id, params.id!) }));
