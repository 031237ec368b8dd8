import "server-only";
import { launchFor, specFromRegistryPackage } from "@/lib/spec/server-spec";
import type { FileSet, Findings } from "./findings";

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

/** server.json (MCP Registry): the most authoritative statement of package, arguments and env. */
export function detectServerJson(files: FileSet): Partial<Findings> {
  const text = files.get("server.json");
  if (!text) return {};
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { mcpSignals: [{ file: "server.json", reason: "server.json present but not valid JSON; ignored" }] };
  }
  if (!isDict(doc)) return {};
  const findings: Partial<Findings> = { launches: [], env: [], args: [], names: [], descriptions: [] };
  findings.mcpSignals = [{ file: "server.json", reason: "MCP Registry server.json present" }];
  const title = typeof doc.title === "string" ? doc.title : undefined;
  if (title) findings.names?.push({ detector: "server-json", name: title });
  if (typeof doc.description === "string") findings.descriptions?.push({ detector: "server-json", text: doc.description });

  const packages = Array.isArray(doc.packages) ? doc.packages.filter(isDict) : [];
  // The first package Catwalk can run wins; the registry lists the preferred one first.
  for (const entry of packages) {
    const spec = specFromRegistryPackage(entry);
    if (!spec) continue;
    const evidence = { file: "server.json", reason: `package ${spec.package} (${spec.runtime}) declared in server.json` };
    const launchPrefix = launchFor(spec.runtime, spec.package, spec.version).args.length;
    findings.launches?.push({
      detector: "server-json",
      runtime: spec.runtime,
      package: spec.package,
      version: spec.version,
      command: spec.command,
      extraArgs: spec.args.slice(launchPrefix),
      transport: spec.transport,
      runnable: true,
      evidence,
    });
    for (const env of spec.env) {
      findings.env?.push({ ...env, detector: "server-json", evidence: { file: "server.json", reason: `environmentVariables lists ${env.name}` } });
    }
    for (const arg of spec.args_required) {
      findings.args?.push({ detector: "server-json", ...arg, evidence: { file: "server.json", reason: `required package argument ${arg.name}` } });
    }
    // Arguments the publisher marked optional: recorded so a README sample value cannot turn them into demands.
    const declared = entry.packageArguments ?? entry.package_arguments;
    for (const arg of Array.isArray(declared) ? declared.filter(isDict) : []) {
      const required = arg.isRequired ?? arg.is_required;
      const name = [arg.valueHint, arg.value_hint, arg.name].find((v): v is string => typeof v === "string");
      if (required === true || arg.value !== undefined || !name) continue;
      findings.args?.push({ detector: "server-json", name, required: false, evidence: { file: "server.json", reason: `optional package argument ${name}` } });
    }
    break;
  }
  if (!findings.launches?.length && Array.isArray(doc.remotes) && doc.remotes.length > 0) {
    findings.mcpSignals.push({ file: "server.json", reason: "server.json only lists remote endpoints, no package to run" });
  }
  return findings;
}
