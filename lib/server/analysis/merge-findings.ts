import "server-only";
import type { ServerSpec } from "@/lib/spec/server-spec";
import { AnalysisError } from "./analysis-error";
import { buildCommand, chooseLaunch } from "./choose-launch";
import { findReadme } from "./detectors/detect-readme-config";
import type { ArgFinding, FileSet, Findings } from "./detectors/findings";
import { mergeEnv } from "./merge-env";
import type { RepoSnapshot } from "./sources/repo-source";

const NAME_PRECEDENCE = ["server-json", "package-json", "python-project"];

/** Turns detector findings into the draft ServerSpec (analyzer "heuristic"), or explains why there is none. */
export function mergeFindings(findings: Findings, snapshot: RepoSnapshot, repoName: string): { spec: ServerSpec; warnings: string[] } {
  const isMcp = findings.mcpSignals.length > 0 || findings.launches.some((l) => l.detector === "server-json" || l.detector === "readme-config");
  if (!isMcp) {
    throw new AnalysisError("no_mcp_server", `No MCP server found in ${snapshot.repositoryUrl}${snapshot.subfolder ? `/${snapshot.subfolder}` : ""}: no server.json, smithery.yaml, MCP SDK dependency or client configuration. If the server lives in a subfolder, paste the URL of that folder (…/tree/main/<folder>).`);
  }
  const chosen = chooseLaunch(findings);
  const nested = nestedServerFolders(findings);
  if ((!chosen || !chosen.launch.runnable) && nested.length > 0) {
    throw new AnalysisError("no_mcp_server", `This looks like a monorepo: the MCP servers live in ${nested.slice(0, 8).join(", ")}${nested.length > 8 ? ", …" : ""}. Analyse one of them by pasting the URL of its folder (…/tree/<branch>/${nested[0]}).`);
  }
  if (!chosen) {
    throw new AnalysisError("no_mcp_server", `This looks like an MCP server, but nothing says how to run it: no published npm/PyPI package, console script or Dockerfile was found. Publish it as a package or add a Dockerfile or server.json.`);
  }
  // Findings tied to another transport (an `--transport http` command line) say nothing about the chosen launch:
  // their env vars become optional and go last so any other file's opinion comes first; their arguments are dropped.
  const otherMode = (f: { onlyFor?: ServerSpec["transport"] }) => f.onlyFor !== undefined && f.onlyFor !== chosen.transport;
  const env = [...findings.env.filter((f) => !otherMode(f)), ...findings.env.filter(otherMode).map((f) => ({ ...f, required: false }))];
  const merged = mergeEnv(env);
  const args = pickArgs(findings.args.filter((a) => !otherMode(a)));
  const { command, args: argv } = buildCommand(chosen, merged.env.map((e) => e.name));
  const name =
    NAME_PRECEDENCE.map((d) => findings.names.find((n) => n.detector === d)?.name).find(Boolean) ?? chosen.launch.package ?? repoName;
  const description =
    NAME_PRECEDENCE.map((d) => findings.descriptions.find((n) => n.detector === d)?.text).find(Boolean) ?? readmeSummary(snapshot.files);
  const warnings = [...chosen.warnings, ...merged.warnings];
  let confidence = chosen.confidence;
  if (findings.mcpSignals.length === 0) confidence -= 0.1;
  if (merged.env.length > 0 && merged.codeOnly === merged.env.length) confidence -= 0.1;

  const spec: ServerSpec = {
    name,
    description,
    repository: { url: snapshot.repositoryUrl, subfolder: snapshot.subfolder, commit: snapshot.commit },
    runtime: chosen.launch.runtime,
    package: chosen.launch.package,
    version: chosen.launch.version,
    command,
    args: argv,
    transport: chosen.transport,
    env: merged.env,
    args_required: args.map(({ name: n, description: d }) => ({ name: n, description: d })),
    confidence: Math.max(0.05, Math.round(confidence * 100) / 100),
    evidence: dedupe([...chosen.evidence, ...merged.evidence, ...args.map((a) => a.evidence), ...findings.mcpSignals.slice(0, 2)]).slice(0, 40),
    analyzer: "heuristic",
  };
  return { spec, warnings };
}

/** Documented arguments (server.json, smithery, README) win; the code's own usage checks count only without them. */
function pickArgs(all: ArgFinding[]): ArgFinding[] {
  // server.json lists every argument with its required flag: when it has any, it alone decides.
  const declared = all.filter((a) => a.detector === "server-json");
  if (declared.length > 0) return dedupeArgs(declared.filter((a) => a.required !== false));
  const documented = all.filter((a) => a.detector !== "source-scan");
  return dedupeArgs(documented.length > 0 ? documented : all.filter((a) => a.detector === "source-scan"));
}

function dedupeArgs(chosen: ArgFinding[]): ArgFinding[] {
  const seen = new Set<string>();
  return chosen.filter((a) => {
    const key = a.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Folders below the root whose code imports an MCP SDK: in a monorepo, those are the servers. */
function nestedServerFolders(findings: Findings): string[] {
  const folders = findings.mcpSignals
    .filter((s) => s.file.includes("/") && s.reason.startsWith("imports"))
    .map((s) => (/\/(src|lib|dist|build)\//.test(s.file) ? s.file.replace(/\/(src|lib|dist|build)\/.*$/, "") : s.file.replace(/\/[^/]+$/, "")))
    .filter((f) => f && !/^(src|lib)$/.test(f));
  return [...new Set(folders)].sort();
}

function dedupe<T extends { file: string; reason: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(`${i.file}\n${i.reason}`) && !!seen.add(`${i.file}\n${i.reason}`));
}

/** First prose paragraph of the README, for servers whose manifests carry no description. */
function readmeSummary(files: FileSet): string | undefined {
  const file = findReadme(files);
  if (!file) return undefined;
  const line = (files.get(file) as string)
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 20 && !/^(#|!\[|\[!|<|\||```|[-*] )/.test(l));
  return line?.replace(/[*_`]/g, "").slice(0, 300);
}
