import "server-only";
import type { ServerSpec } from "@/lib/spec/server-spec";
import type { RunSpec } from "@/lib/server/runtime/runner";
import type { PlainCredentials } from "./stored-credentials";

/** Non-secret values at least this long are redacted anyway: a long value is likely a misclassified credential. */
const REDACT_LONG_VALUES = 16;

/** The runner's input: the spec's launch, the user's required arguments appended, and only the values the user set. */
export function buildRunSpec(deploymentId: string, spec: ServerSpec, credentials: PlainCredentials): RunSpec {
  const secret = new Set([...spec.env.filter((e) => e.secret).map((e) => e.name), ...credentials.extra.filter((e) => e.secret).map((e) => e.name)]);
  return {
    deploymentId,
    runtime: spec.runtime,
    package: spec.package,
    version: spec.version,
    command: spec.command,
    args: [...spec.args, ...credentials.args],
    env: Object.fromEntries(Object.entries(credentials.env).filter(([, value]) => value !== "")),
    redactEnv: Object.entries(credentials.env)
      .filter(([name, value]) => value !== "" && (secret.has(name) || value.length >= REDACT_LONG_VALUES))
      .map(([name]) => name),
    redactValues: credentials.args.filter((value) => value.length >= 4),
  };
}
