import "server-only";
import type { EnvFormat, ServerSpec } from "@/lib/spec/server-spec";

export type Evidence = { file: string; reason: string };

/** Detector names double as merge precedence keys (see merge-findings.ts). */
export type DetectorName =
  | "server-json"
  | "smithery"
  | "package-json"
  | "python-project"
  | "dockerfile"
  | "readme-config"
  | "readme-env"
  | "env-example"
  | "source-scan"
  | "published";

/** One way to launch the server that some file states or implies. */
export type LaunchFinding = {
  detector: DetectorName;
  runtime: ServerSpec["runtime"];
  package: string;
  version?: string;
  /** Set when the file spells out the launcher (server.json, a README client config); else derived from runtime. */
  command?: ServerSpec["command"];
  /** The executable inside the package when it is not the default one (npm `bin`, Python console script). */
  entry?: string;
  /** Arguments after the package (`stdio`, `--read-only`); the launcher's own prefix is rebuilt by merge. */
  extraArgs?: string[];
  transport?: ServerSpec["transport"];
  /** false when the manifest says it is not published (package.json `private`, no `bin`). */
  runnable: boolean;
  evidence: Evidence;
};

/** One environment variable some file mentions. Undefined fields mean "this file has no opinion". */
export type EnvFinding = {
  detector: DetectorName;
  name: string;
  description?: string;
  required?: boolean;
  secret?: boolean;
  default?: string;
  choices?: string[];
  format?: EnvFormat;
  group?: string;
  /** Set when the file shows the name only for one transport (an `--transport http` command line); elsewhere it is optional. */
  onlyFor?: ServerSpec["transport"];
  /** A guess that only counts when another detector confirms the same name (smithery camelCase → ENV_NAME). */
  needsConfirmation?: boolean;
  evidence: Evidence;
};

export type ArgFinding = {
  detector: DetectorName;
  name: string;
  description?: string;
  /** false: the file declares the argument optional (server.json `isRequired: false`), so no other file may demand it. */
  required?: boolean;
  /** Set when the argument appears only in a command line for another transport (see EnvFinding.onlyFor). */
  onlyFor?: ServerSpec["transport"];
  evidence: Evidence;
};

export type Findings = {
  launches: LaunchFinding[];
  env: EnvFinding[];
  args: ArgFinding[];
  /** Signs that this is an MCP server at all (SDK dependency, server.json, mcpServers block, …). */
  mcpSignals: Evidence[];
  names: { detector: DetectorName; name: string }[];
  descriptions: { detector: DetectorName; text: string }[];
  /** Image tags the README builds or runs, for Dockerfile-only servers. */
  images: { name: string; evidence: Evidence }[];
};

export type FileSet = ReadonlyMap<string, string>;

/** What the README detectors need to know to tell this server's config apart from other tools'. */
export type DetectionContext = { packageNames: string[]; repoName: string };

export function emptyFindings(): Findings {
  return { launches: [], env: [], args: [], mcpSignals: [], names: [], descriptions: [], images: [] };
}

export function mergeInto(target: Findings, part: Partial<Findings>): Findings {
  for (const key of Object.keys(part) as (keyof Findings)[]) {
    // Each key holds an array of that key's own element type; the union makes TS lose the pairing.
    (target[key] as unknown[]).push(...((part[key] ?? []) as unknown[]));
  }
  return target;
}
