import "server-only";
import type { AnalysisOptions } from "../analysis-options";

/** What every source hands to the detectors: the few files they read, relative to the server's folder. */
export type RepoSnapshot = {
  /** Canonical location, e.g. https://github.com/owner/name, a git URL, a local path, or npm:@scope/name. */
  repositoryUrl: string;
  subfolder?: string;
  commit?: string;
  /** path (relative to the server's folder, forward slashes) → text */
  files: Map<string, string>;
  /** What the source itself knows, e.g. the npm source knows the package name and version it downloaded. */
  published?: { runtime: "npm" | "python"; package: string; version?: string };
  warnings: string[];
};

export type SourceContext = {
  options: AnalysisOptions;
  signal: AbortSignal;
};

/** One way of getting at a repository's files: GitHub API, git clone, local folder, npm or PyPI. */
export type RepoSource = {
  readonly kind: "github" | "git" | "local" | "npm" | "pypi";
  /** Human-readable, for progress messages: "github.com/owner/name (tree main, servers/x)". */
  readonly label: string;
  fetchSnapshot(context: SourceContext): Promise<RepoSnapshot>;
};
