import "server-only";
import type { Env } from "@/lib/config/env-schema";
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from "./analysis-options";

/** Fills AnalysisOptions from the validated settings; the CLI and the analyses route both use this. */
export function analysisOptionsFromEnv(env: Env, overrides: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return {
    ...DEFAULT_ANALYSIS_OPTIONS,
    githubApiUrl: env.GITHUB_API_URL,
    githubToken: env.GITHUB_TOKEN,
    npmRegistryUrl: env.NPM_REGISTRY_URL,
    pypiUrl: env.PYPI_URL,
    allowPrivateNetwork: env.CATWALK_ALLOW_PRIVATE_NETWORK_SOURCES,
    maxFiles: env.ANALYSIS_MAX_FILES,
    maxBytes: env.ANALYSIS_MAX_BYTES,
    timeoutMs: env.ANALYSIS_TIMEOUT_MS,
    llm: env.OPENAI_API_KEY
      ? { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL, timeoutMs: env.LLM_TIMEOUT_MS }
      : undefined,
    ...overrides,
  };
}
