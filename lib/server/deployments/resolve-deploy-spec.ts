import "server-only";
import type { z } from "zod";
import { ZodError } from "zod";
import { getDb } from "@/lib/server/db/client";
import { ApiError, validationError } from "@/lib/server/http/api-error";
import { normalizeServerSpec, serverSpecSchema, type ServerSpec } from "@/lib/spec/server-spec";
import type { launchOverrideSchema } from "@/lib/schemas/deployment";

/** The spec to deploy: the user's own analysis, or a hand-written spec; with the user's command/args edits applied. */
export async function resolveDeploySpec(
  userId: string,
  input: { analysisId?: string; spec?: unknown; launch?: z.output<typeof launchOverrideSchema> },
): Promise<ServerSpec> {
  let spec: ServerSpec;
  if (input.analysisId) {
    const db = await getDb();
    const analysis = await db.analysis.findFirst({ where: { id: input.analysisId, userId }, select: { spec: true } });
    if (!analysis) throw new ApiError("not_found", "No analysis with this id.", { analysisId: ["not found"] });
    spec = serverSpecSchema.parse(analysis.spec);
  } else {
    try {
      spec = normalizeServerSpec(input.spec);
    } catch (error) {
      if (error instanceof ZodError) throw validationError(prefix(error, "spec"), "server spec");
      throw error;
    }
  }
  return { ...spec, command: input.launch?.command ?? spec.command, args: input.launch?.args ?? spec.args };
}

function prefix(error: ZodError, key: string): ZodError {
  return new ZodError(error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })));
}
