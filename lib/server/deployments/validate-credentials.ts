import "server-only";
import { ApiError, validationError } from "@/lib/server/http/api-error";
import { buildCredentialSchema } from "@/lib/schemas/deployment";
import type { ServerSpec } from "@/lib/spec/server-spec";
import { validateLaunch } from "@/lib/server/runtime/validate-launch";
import { RuntimeError } from "@/lib/server/runtime/runner";
import { buildRunSpec } from "./build-run-spec";

/**
 * Checks submitted values against the spec with the same schema the form uses, then the whole launch against the
 * runtime's rules (allowed launchers, package names, reserved variables), before anything is stored.
 * `setNames` are the variables that already hold a stored value (updates).
 */
export function validateCredentials(options: {
  deploymentId: string;
  spec: ServerSpec;
  env: Record<string, string>;
  requiredArgs: string[];
  setNames?: string[];
}): void {
  const known = new Set(options.spec.env.map((e) => e.name));
  const unknown = Object.keys(options.env).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new ApiError(
      "validation_failed",
      `Unknown variable(s) ${unknown.join(", ")}: add them as extra variables if the server needs them.`,
      Object.fromEntries(unknown.map((name) => [`env.${name}`, ["not part of this server's configuration"]])),
    );
  }
  // A stored value counts as filled in: on update an empty field means "keep".
  const filled = { ...Object.fromEntries((options.setNames ?? []).map((n) => [n, "(stored)"])), ...options.env };
  const parsed = buildCredentialSchema(options.spec).safeParse({ env: filled, requiredArgs: options.requiredArgs });
  if (!parsed.success) throw validationError(parsed.error, "configuration");
  try {
    validateLaunch(buildRunSpec(options.deploymentId, options.spec, { env: options.env, args: options.requiredArgs, extra: [] }));
  } catch (error) {
    if (error instanceof RuntimeError) throw new ApiError("validation_failed", error.message, { launch: [error.message] });
    throw error;
  }
}
