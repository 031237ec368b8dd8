import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getDb } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { analyzeRepository } from "@/lib/server/analysis/analyze-repository";
import { analysisOptionsFromEnv } from "@/lib/server/analysis/analysis-options-from-env";
import { isAnalysisError, type AnalysisError } from "@/lib/server/analysis/analysis-error";
import { computeAnalysisCacheKey } from "@/lib/server/analysis/compute-cache-key";
import type { AnalysisProgress } from "@/lib/server/analysis/analysis-options";
import type { createAnalysisSchema } from "@/lib/schemas/deployment";
import { toAnalysisView, type AnalysisView } from "./analysis-view";

/**
 * Analyses a source for a user and stores the result. A result for the same (repository, subfolder, commit) that the
 * user already has is returned as it is (`cached: true`) unless `refresh` asks for a new one. Failures store nothing.
 */
export async function runAnalysis(
  userId: string,
  input: z.output<typeof createAnalysisSchema>,
  onProgress?: (progress: AnalysisProgress) => void,
): Promise<AnalysisView> {
  let result;
  try {
    result = await analyzeRepository(input.source, analysisOptionsFromEnv(env, { onProgress }));
  } catch (error) {
    if (isAnalysisError(error)) throw toApiError(error);
    throw error;
  }
  const db = await getDb();
  const cacheKey = computeAnalysisCacheKey(result.spec.repository);
  if (cacheKey && !input.refresh) {
    const existing = await db.analysis.findFirst({ where: { userId, cacheKey }, orderBy: { createdAt: "desc" } });
    if (existing) return { ...toAnalysisView(existing), cached: true };
  }
  const created = await db.analysis.create({
    data: {
      userId,
      source: input.source,
      subfolder: result.spec.repository.subfolder ?? "",
      commit: result.commit ?? "",
      cacheKey: cacheKey ?? `uncached:${randomUUID()}`,
      spec: result.spec,
      analyzer: result.spec.analyzer,
      warnings: result.warnings,
    },
  });
  return toAnalysisView(created);
}

export async function getAnalysisOrThrow(userId: string, id: string): Promise<AnalysisView> {
  const db = await getDb();
  const analysis = await db.analysis.findFirst({ where: { id, userId } });
  if (!analysis) throw new ApiError("not_found", "No analysis with this id.");
  return toAnalysisView(analysis);
}

/** Problems with what the person pasted are field errors on `source`, so the form shows them where they typed. */
function toApiError(error: AnalysisError): ApiError {
  switch (error.code) {
    case "rate_limited":
      return new ApiError("rate_limited", error.message);
    case "timeout":
    case "source_error":
      return new ApiError("unavailable", error.message);
    default:
      return new ApiError("validation_failed", error.message, { source: [error.message] });
  }
}
