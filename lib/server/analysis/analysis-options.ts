import "server-only";

/** Connection details for the optional LLM refinement (any OpenAI-compatible chat-completions API). */
export type LlmOptions = {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
};

export type AnalysisStage = "fetching" | "detecting" | "refining" | "done";

export type AnalysisProgress = { stage: AnalysisStage; message: string };

/**
 * Everything analysis needs from the outside, passed explicitly so tests can point it at local fake servers.
 * The CLI and the route build it from `env` with `analysisOptionsFromEnv`.
 */
export type AnalysisOptions = {
  githubApiUrl: string;
  githubToken?: string;
  npmRegistryUrl: string;
  pypiUrl: string;
  /** Allows sources on loopback/private addresses (tests, self-hosted registries). Off by default. */
  allowPrivateNetwork: boolean;
  /** Allows reading a directory on this machine (the CLI yes, the web route no). */
  allowLocalPaths: boolean;
  maxFiles: number;
  maxBytes: number;
  timeoutMs: number;
  /** Absent: heuristics only. */
  llm?: LlmOptions;
  fetch: typeof fetch;
  onProgress?: (progress: AnalysisProgress) => void;
};

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = {
  githubApiUrl: "https://api.github.com",
  npmRegistryUrl: "https://registry.npmjs.org",
  pypiUrl: "https://pypi.org",
  allowPrivateNetwork: false,
  allowLocalPaths: false,
  maxFiles: 400,
  maxBytes: 5_000_000,
  timeoutMs: 30_000,
  fetch: (...args) => fetch(...args),
};
