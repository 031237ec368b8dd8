import "server-only";
import type { ServerSpec } from "@/lib/spec/server-spec";
import { AnalysisError } from "./analysis-error";
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions, type AnalysisStage } from "./analysis-options";
import { runDetectors } from "./detectors/run-detectors";
import { mergeFindings } from "./merge-findings";
import { refineWithLlm } from "./refine-with-llm";
import { abortError, timeoutError } from "./sources/http-get";
import type { RepoSnapshot, SourceContext } from "./sources/repo-source";
import { resolveSource } from "./sources/resolve-source";

export type AnalysisResult = {
  spec: ServerSpec;
  commit?: string;
  /** Things a person should know: limits hit, guesses made, LLM step skipped. Never inside the spec. */
  warnings: string[];
  /** The files that were read, relative to the server's folder. */
  files: string[];
};

/**
 * The one entry point: URL / path / npm spec → ServerSpec. Reads a bounded set of files, runs the deterministic
 * detectors, merges their findings, and lets an LLM refine the draft when one is configured. Never runs the code.
 * Throws AnalysisError only.
 */
export async function analyzeRepository(input: string, overrides: Partial<AnalysisOptions> = {}): Promise<AnalysisResult> {
  const options: AnalysisOptions = { ...DEFAULT_ANALYSIS_OPTIONS, ...overrides };
  const report = (stage: AnalysisStage, message: string) => options.onProgress?.({ stage, message });
  const source = resolveSource(input, options);

  const controller = new AbortController();
  const context: SourceContext = { options, signal: controller.signal };
  const timer = setTimeout(() => controller.abort(timeoutError(options.timeoutMs)), options.timeoutMs);
  let snapshot: RepoSnapshot;
  try {
    report("fetching", `Reading ${source.label}`);
    // The race makes the deadline hold even if some I/O ignores the abort signal.
    snapshot = await Promise.race([
      source.fetchSnapshot(context),
      new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(controller.signal.reason as Error), { once: true })),
    ]);
  } catch (error) {
    if (error instanceof AnalysisError) throw error;
    if (controller.signal.aborted) throw abortError(context);
    throw new AnalysisError("source_error", `Reading ${source.label} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }

  report("detecting", `Looking at ${snapshot.files.size} files`);
  const repoName = repositoryName(snapshot);
  const findings = runDetectors(snapshot.files, { repoName, publishedPackage: snapshot.published?.package });
  if (snapshot.published) {
    findings.launches.push({
      detector: "published",
      ...snapshot.published,
      runnable: true,
      evidence: { file: "package", reason: `${snapshot.published.package}${snapshot.published.version ? `@${snapshot.published.version}` : ""} downloaded from the ${snapshot.published.runtime === "npm" ? "npm registry" : "PyPI"}` },
    });
  }
  const draft = mergeFindings(findings, snapshot, repoName);
  const warnings = [...snapshot.warnings, ...draft.warnings];
  let spec = draft.spec;

  if (options.llm) {
    report("refining", `Asking ${options.llm.model} to check the result`);
    const refined = await refineWithLlm(spec, snapshot.files, options.llm);
    spec = refined.spec;
    warnings.push(...refined.warnings);
  }
  report("done", `${spec.name}: ${spec.runtime} ${spec.package}, ${spec.env.length} environment variable(s)`);
  return { spec, commit: snapshot.commit, warnings, files: [...snapshot.files.keys()] };
}

/** A short name for matching README entries: the subfolder's last segment, the repo name, or the package name. */
function repositoryName(snapshot: RepoSnapshot): string {
  if (snapshot.subfolder) return snapshot.subfolder.split("/").filter(Boolean).pop() ?? snapshot.subfolder;
  if (snapshot.published) return snapshot.published.package.replace(/^@[^/]+\//, "");
  return snapshot.repositoryUrl.replace(/\/+$/, "").replace(/\.git$/, "").split(/[/\\]/).pop() ?? "server";
}
