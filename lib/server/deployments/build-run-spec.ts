import "server-only";
import type { ServerSpec } from "@/lib/spec/server-spec";
import type { RunSpec } from "@/lib/server/runtime/runner";
import type { PlainCredentials } from "./stored-credentials";

/** The runner's input: the spec's launch, the user's required arguments appended, and only the values the user set. */
export function buildRunSpec(deploymentId: string, spec: ServerSpec, credentials: PlainCredentials): RunSpec {
  return {
    deploymentId,
    runtime: spec.runtime,
    package: spec.package,
    version: spec.version,
    command: spec.command,
    args: [...spec.args, ...credentials.args],
    env: Object.fromEntries(Object.entries(credentials.env).filter(([, value]) => value !== "")),
  };
}
