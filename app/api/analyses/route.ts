import { apiHandler, handleApiError } from "@/lib/server/http/api-handler";
import { sseResponse, wantsEventStream } from "@/lib/server/http/sse";
import { runAnalysis } from "@/lib/server/analyses/run-analysis";
import { createAnalysisSchema } from "@/lib/schemas/deployment";

export const dynamic = "force-dynamic";

/** Analyse a repository. With `Accept: text/event-stream`, progress events stream until the result or error. */
export const POST = apiHandler({ body: createAnalysisSchema }, async ({ request, user, body, requestId }) => {
  if (!wantsEventStream(request)) return Response.json({ analysis: await runAnalysis(user.id, body) });
  return sseResponse(async (send) => {
    try {
      const analysis = await runAnalysis(user.id, body, (progress) => send("progress", progress));
      send("result", { analysis });
    } catch (error) {
      const response = handleApiError(error, requestId);
      send("error", await response.json());
    }
  }, request);
});
