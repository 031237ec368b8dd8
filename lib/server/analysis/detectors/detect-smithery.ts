import "server-only";
import { parse } from "yaml";
import type { EnvFormat } from "@/lib/spec/server-spec";
import { isCandidateEnv, isGenericEnv } from "./env-names";
import type { EnvFinding, FileSet, Findings } from "./findings";

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

const toEnvName = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();

function formatOf(type: unknown): EnvFormat | undefined {
  if (type === "number" || type === "integer") return "number";
  if (type === "boolean") return "boolean";
  return type === "string" ? "string" : undefined;
}

/**
 * smithery.yaml: `startCommand.configSchema` is a JSON Schema of the user's settings; `commandFunction` (JS source,
 * never executed) maps them to env vars, e.g. `env: { API_KEY: config.apiKey }`. Keys without such a mapping are
 * guessed as UPPER_SNAKE and only kept when another file confirms the name.
 */
export function detectSmithery(files: FileSet): Partial<Findings> {
  const file = files.has("smithery.yaml") ? "smithery.yaml" : files.has("smithery.yml") ? "smithery.yml" : undefined;
  if (!file) return {};
  let doc: unknown;
  try {
    doc = parse(files.get(file) as string);
  } catch {
    return { mcpSignals: [{ file, reason: "smithery.yaml present but not valid YAML; ignored" }] };
  }
  const start = isDict(doc) && isDict(doc.startCommand) ? doc.startCommand : undefined;
  const findings: Partial<Findings> = { mcpSignals: [{ file, reason: "smithery.yaml present" }], env: [], args: [] };
  if (!start) return findings;
  const schema = isDict(start.configSchema) ? start.configSchema : {};
  const properties = isDict(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : []);
  const fn = typeof start.commandFunction === "string" ? start.commandFunction : "";

  const envMap = new Map<string, string>();
  for (const m of fn.matchAll(/['"]?([A-Z][A-Z0-9_]+)['"]?\s*:\s*(?:String\()?\s*config\s*(?:\.\s*(\w+)|\[\s*['"]([\w-]+)['"]\s*\])/g)) {
    envMap.set(m[2] ?? m[3], m[1]);
  }
  const argsBlock = fn.match(/args\s*:\s*\[([\s\S]*?)\]/)?.[1] ?? "";

  for (const [key, raw] of Object.entries(properties)) {
    const prop = isDict(raw) ? raw : {};
    const description = typeof prop.description === "string" ? prop.description : undefined;
    // A setting passed on the command line: `'--api-key', config.apiKey`.
    const flag = argsBlock.match(new RegExp(`['"](--?[\\w-]+)['"]\\s*,\\s*config\\s*\\.\\s*${key}\\b`));
    if (flag && !envMap.has(key)) {
      if (required.has(key)) findings.args?.push({ detector: "smithery", name: flag[1], description, evidence: { file, reason: `commandFunction passes ${key} as ${flag[1]}` } });
      continue;
    }
    const mapped = envMap.get(key);
    const name = mapped ?? (/^[A-Z][A-Z0-9_]*$/.test(key) ? key : toEnvName(key));
    if (!isCandidateEnv(name) && !(mapped && !isGenericEnv(mapped))) continue;
    const entry: EnvFinding = {
      detector: "smithery",
      name,
      description,
      required: required.has(key),
      default: prop.default === undefined || prop.default === null ? undefined : String(prop.default),
      choices: Array.isArray(prop.enum) ? prop.enum.map(String) : undefined,
      format: formatOf(prop.type),
      needsConfirmation: !mapped && name !== key,
      evidence: { file, reason: mapped ? `configSchema.${key} is passed as ${name}` : `configSchema property ${key}` },
    };
    findings.env?.push(entry);
  }
  return findings;
}
