import "server-only";
import { isNamedError } from "@/lib/server/errors/is-named-error";

/** What a runner needs to run one deployment. Secrets are plaintext here, in memory only, on their way to the runtime. */
export type RunSpec = {
  deploymentId: string;
  /** "npm" → npx, "python" → uvx, "oci" → image entrypoint */
  runtime: "npm" | "python" | "oci";
  /** package name as published (npm / PyPI) or image reference */
  package: string;
  version?: string;
  /** launcher and its arguments, argv form, never a shell string */
  command: string;
  args: string[];
  env: Record<string, string>;
  /**
   * Env names whose values must never appear in logs (default: every name). Redacting a non-secret short value
   * ("info", "1") would garble every line and protect nothing, so callers that know which values are secret say so.
   */
  redactEnv?: string[];
  /** further values to redact (CLI arguments the user supplied, such as a connection string) */
  redactValues?: string[];
};

export type RunnerStatus = "starting" | "running" | "stopped" | "failed" | "unknown";

export type RuntimeHandle = {
  /** runner-specific id: a local process key or a Fly machine id */
  id: string;
  /** base URL of the bridge's Streamable HTTP endpoint, e.g. http://127.0.0.1:41234/mcp */
  endpoint: string;
};

export type RuntimeLogLine = { at: Date; stream: "stdout" | "stderr" | "system"; line: string };

export type Runner = {
  readonly kind: "local" | "fly";
  /** Installs if needed, starts the bridge, waits until an MCP initialize succeeded. Throws RuntimeError otherwise. */
  start(spec: RunSpec): Promise<RuntimeHandle>;
  stop(deploymentId: string): Promise<void>;
  /** Stops and removes everything the runner holds for this deployment. */
  destroy(deploymentId: string): Promise<void>;
  status(deploymentId: string): Promise<{
    status: RunnerStatus;
    detail?: string;
    handle?: RuntimeHandle;
    /** How the server is isolated, so the dashboard can say plainly when it is not (local runner only). */
    sandbox?: { kind: "bubblewrap" | "none"; network: "outbound-only" | "none" | "host"; reason?: string };
  }>;
  /** Recent log lines, already redacted of the spec's secret values. */
  logs(deploymentId: string, options?: { limit?: number }): Promise<RuntimeLogLine[]>;
};

export type RuntimeErrorCode =
  | "invalid_spec"
  | "install_failed"
  | "start_failed"
  | "initialize_timeout"
  | "exited"
  | "not_found"
  | "provider_error";

/** A failure the user can act on; its message never contains a secret value. */
export class RuntimeError extends Error {
  /** See isNamedError: recognised across module copies. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, "RuntimeError", { withCode: true });
  }

  constructor(
    readonly code: RuntimeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RuntimeError";
  }
}
