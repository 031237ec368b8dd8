import { z } from "zod";

/**
 * ServerSpec: how to run one MCP server and what the user must supply. Modelled on the package entry of the MCP
 * Registry's server.json; `normalizeServerSpec` also accepts that entry (camelCase and the older snake_case).
 *
 * Not server-only: the credential form in the browser builds its fields from this schema.
 */

export const LAUNCHERS = ["npx", "uvx", "node", "python", "docker"] as const;

const envFormat = z.enum(["string", "number", "boolean", "filepath"]);

export const envVarSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a valid environment variable name"),
  description: z.string().optional(),
  /**
   * Without `group`: the value must be supplied. With `group`: the value must be supplied when that group is the one
   * the user chooses (see `group`).
   */
  required: z.boolean(),
  secret: z.boolean(),
  default: z.string().optional(),
  choices: z.array(z.string()).optional(),
  format: envFormat.optional(),
  /**
   * Either/or credentials. Entries that share a `group` value are one alternative set of credentials (for example
   * "api-key" = [API_KEY], "password" = [USERNAME, PASSWORD]). When a spec has groups, the user must complete at
   * least one group: every `required` entry of that group. Ungrouped entries are checked on their own. One either/or
   * choice per server covers what servers document in practice, and a plain string stays easy for forms and LLMs.
   */
  group: z.string().min(1).optional(),
});

export const serverSpecSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  repository: z.object({
    url: z.string().min(1),
    subfolder: z.string().optional(),
    commit: z.string().optional(),
  }),
  runtime: z.enum(["npm", "python", "oci"]),
  /** npm / PyPI package name, or an OCI image reference for "oci". */
  package: z.string().min(1),
  version: z.string().optional(),
  command: z.enum(LAUNCHERS),
  args: z.array(z.string()),
  transport: z.enum(["stdio", "streamable-http"]),
  env: z.array(envVarSchema),
  /** CLI arguments the user must supply (a directory, `--tools=…`); `name` is the flag or a placeholder. */
  args_required: z.array(z.object({ name: z.string().min(1), description: z.string().optional() })).optional(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.object({ file: z.string(), reason: z.string() })),
  analyzer: z.enum(["heuristic", "llm"]),
});

export type ServerSpec = z.infer<typeof serverSpecSchema>;
export type EnvVarSpec = z.infer<typeof envVarSchema>;
export type EnvFormat = z.infer<typeof envFormat>;

type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads the first of several spellings of one field (camelCase, snake_case, ServerSpec's own). */
function pick(o: Dict, ...keys: string[]): unknown {
  for (const key of keys) if (o[key] !== undefined && o[key] !== null) return o[key];
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);

function normalizeEnvVar(raw: unknown): EnvVarSpec | undefined {
  if (!isDict(raw)) return undefined;
  const name = str(raw.name);
  if (!name) return undefined;
  const format = str(raw.format);
  const choices = pick(raw, "choices");
  return {
    name,
    description: str(raw.description),
    required: bool(pick(raw, "required", "isRequired", "is_required")) ?? false,
    secret: bool(pick(raw, "secret", "isSecret", "is_secret")) ?? false,
    default: str(pick(raw, "default")),
    choices: Array.isArray(choices) ? choices.filter((c): c is string => typeof c === "string") : undefined,
    format: envFormat.safeParse(format).success ? (format as EnvFormat) : undefined,
    group: str(raw.group),
  };
}

const RUNTIME_BY_REGISTRY: Record<string, ServerSpec["runtime"]> = { npm: "npm", pypi: "python", oci: "oci", docker: "oci" };

/** The launcher and argv for a published package, as Catwalk runs it. */
export function launchFor(runtime: ServerSpec["runtime"], pkg: string, version?: string): Pick<ServerSpec, "command" | "args"> {
  if (runtime === "npm") return { command: "npx", args: ["-y", version ? `${pkg}@${version}` : pkg] };
  if (runtime === "python") return { command: "uvx", args: [version ? `${pkg}==${version}` : pkg] };
  const image = version && !pkg.includes(":") && !pkg.includes("@") ? `${pkg}:${version}` : pkg;
  return { command: "docker", args: ["run", "-i", "--rm", image] };
}

type PackageArgument = { value?: string; name?: string; required: boolean; description?: string; positional: boolean };

function readArguments(raw: unknown): PackageArgument[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isDict).map((a) => ({
    value: str(pick(a, "value", "default")),
    name: str(pick(a, "name", "valueHint", "value_hint")),
    required: bool(pick(a, "isRequired", "is_required")) ?? false,
    description: str(a.description),
    positional: a.type !== "named",
  }));
}

/**
 * Converts one server.json package entry (2025 camelCase, or the older snake_case with `registry_name`/`name`) into
 * the launch part of a ServerSpec. Returns undefined for registries Catwalk cannot run (nuget, mcpb, …).
 */
export function specFromRegistryPackage(entry: Dict) {
  const registry = str(pick(entry, "registryType", "registry_type", "registry_name"))?.toLowerCase();
  const runtime = registry ? RUNTIME_BY_REGISTRY[registry] : undefined;
  const pkg = str(pick(entry, "identifier", "name"));
  if (!runtime || !pkg) return undefined;
  const version = str(entry.version);
  const launch = launchFor(runtime, pkg, version && version !== "latest" ? version : undefined);
  const args = [...launch.args];
  const argsRequired: { name: string; description?: string }[] = [];
  for (const arg of readArguments(pick(entry, "packageArguments", "package_arguments"))) {
    const flag = !arg.positional && arg.name ? [arg.name] : [];
    if (arg.value) args.push(...flag, arg.value);
    else if (arg.required) argsRequired.push({ name: arg.name ?? "argument", description: arg.description });
  }
  const transportRaw = pick(entry, "transport");
  const transportType = isDict(transportRaw) ? str(transportRaw.type) : str(transportRaw);
  const envRaw = pick(entry, "environmentVariables", "environment_variables");
  const env = (Array.isArray(envRaw) ? envRaw : []).map(normalizeEnvVar).filter((e): e is EnvVarSpec => !!e);
  return {
    runtime,
    package: pkg,
    version,
    command: launch.command,
    args,
    transport: transportType === "streamable-http" ? ("streamable-http" as const) : ("stdio" as const),
    env,
    args_required: argsRequired,
  };
}

/**
 * Accepts a ServerSpec written in camelCase or snake_case, a whole server.json, or a single server.json package
 * entry, and returns a validated ServerSpec. Throws a ZodError naming the missing fields otherwise.
 */
export function normalizeServerSpec(input: unknown): ServerSpec {
  if (!isDict(input)) return serverSpecSchema.parse(input);
  const packages = pick(input, "packages");
  const entry = Array.isArray(packages)
    ? packages.filter(isDict).find((p) => specFromRegistryPackage(p))
    : pick(input, "registryType", "registry_type", "registry_name")
      ? input
      : undefined;
  const fromPackage = entry ? specFromRegistryPackage(entry) : undefined;
  const repoRaw = pick(input, "repository");
  const repo = isDict(repoRaw) ? repoRaw : {};
  const envRaw = pick(input, "env", "environmentVariables", "environment_variables");
  const evidence = pick(input, "evidence");
  const candidate = {
    name: str(input.name) ?? fromPackage?.package,
    description: str(input.description),
    // Without a repository, the registry package is where the server comes from.
    repository: {
      url: str(repo.url) ?? (fromPackage ? `${fromPackage.runtime === "python" ? "pypi" : fromPackage.runtime}:${fromPackage.package}` : ""),
      subfolder: str(repo.subfolder),
      commit: str(repo.commit),
    },
    runtime: fromPackage?.runtime ?? pick(input, "runtime"),
    package: fromPackage?.package ?? pick(input, "package"),
    version: fromPackage?.version ?? str(input.version),
    command: fromPackage?.command ?? pick(input, "command"),
    args: fromPackage?.args ?? pick(input, "args") ?? [],
    transport: fromPackage?.transport ?? (isDict(input.transport) ? input.transport.type : input.transport) ?? "stdio",
    env: fromPackage?.env ?? (Array.isArray(envRaw) ? envRaw.map(normalizeEnvVar).filter(Boolean) : []),
    args_required: fromPackage?.args_required ?? pick(input, "args_required", "argsRequired"),
    confidence: pick(input, "confidence") ?? (fromPackage ? 0.9 : 0.5),
    evidence: Array.isArray(evidence) ? evidence : [],
    analyzer: pick(input, "analyzer") ?? "heuristic",
  };
  return serverSpecSchema.parse(candidate);
}

/**
 * Names of the env vars still missing for `values`, following the `group` rule above. Shared by the form and the
 * route so both sides agree on what "complete" means.
 */
export function listMissingEnv(spec: Pick<ServerSpec, "env">, values: Record<string, string | undefined>): string[] {
  const filled = (name: string) => (values[name] ?? "").trim().length > 0;
  const missing = spec.env.filter((e) => !e.group && e.required && !filled(e.name)).map((e) => e.name);
  const groups = new Map<string, EnvVarSpec[]>();
  for (const e of spec.env) if (e.group) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  if (groups.size === 0) return missing;
  const complete = [...groups.values()].some((members) => members.every((m) => !m.required || filled(m.name)));
  if (complete) return missing;
  // Point at the group the user started filling in, else at the first one.
  const started = [...groups.values()].find((members) => members.some((m) => filled(m.name))) ?? [...groups.values()][0];
  return [...missing, ...started.filter((m) => m.required && !filled(m.name)).map((m) => m.name)];
}
