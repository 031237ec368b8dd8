import { z } from "zod";
import { LAUNCHERS, listMissingEnv, type ServerSpec } from "@/lib/spec/server-spec";

// The deployments API contract, shared by the route handlers and the dashboard.

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Use letters, digits and _ (not starting with a digit)");
const envValues = z.record(envName, z.string().max(32_768, "At most 32 KiB per value"));

export const launchOverrideSchema = z
  .object({
    command: z.enum(LAUNCHERS).optional(),
    args: z.array(z.string().max(4096)).max(64).optional(),
  })
  .strict();

export const createDeploymentSchema = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    /** deploy what an analysis found… */
    analysisId: z.string().min(1).optional(),
    /** …or a hand-written ServerSpec (camelCase, snake_case or a server.json package entry) */
    spec: z.unknown().optional(),
    /** values for the spec's env entries */
    env: envValues.default({}),
    /** variables the analysis did not find, added explicitly by the user */
    extraEnv: envValues.default({}),
    /** names of extra variables that are secret (masked in the dashboard; all values are encrypted either way) */
    extraSecret: z.array(envName).max(64).default([]),
    /** values for the spec's args_required, in order */
    requiredArgs: z.array(z.string().max(4096)).max(32).default([]),
    launch: launchOverrideSchema.optional(),
  })
  .strict()
  .refine((v) => Boolean(v.analysisId) !== (v.spec !== undefined), { message: "Give either analysisId or spec", path: ["analysisId"] });

export type CreateDeploymentInput = z.input<typeof createDeploymentSchema>;

export const updateDeploymentSchema = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    /** new values; an empty string or null removes an optional value; absent names keep their stored value */
    env: z.record(envName, z.string().max(32_768).nullable()).optional(),
    requiredArgs: z.array(z.string().max(4096)).max(32).optional(),
    launch: launchOverrideSchema.optional(),
  })
  .strict();

export const deploymentActionSchema = z.object({ action: z.enum(["start", "stop", "restart"]) }).strict();

export const createAccessTokenSchema = z.object({ name: z.string().trim().min(1, "Give the token a name").max(80) }).strict();

export const createAnalysisSchema = z
  .object({
    source: z.string().trim().min(1, "Paste a GitHub URL, a git URL or npm:package").max(2048),
    refresh: z.boolean().default(false),
  })
  .strict();

/**
 * The credential form's schema, built at run time from a ServerSpec: used by react-hook-form's zodResolver in the
 * browser and by the route handler, so both sides agree. Field errors are keyed `env.NAME` and `requiredArgs.N`.
 */
export function buildCredentialSchema(spec: Pick<ServerSpec, "env" | "args_required">) {
  const shape: Record<string, z.ZodOptional<z.ZodType<string>>> = {};
  for (const entry of spec.env) {
    let field: z.ZodType<string> = z.string();
    if (entry.choices?.length) field = z.string().refine((v) => v === "" || entry.choices!.includes(v), { message: `Choose one of: ${entry.choices.join(", ")}` });
    if (entry.format === "number") field = z.string().refine((v) => v === "" || Number.isFinite(Number(v)), { message: "Enter a number" });
    if (entry.format === "boolean") field = z.string().refine((v) => v === "" || v === "true" || v === "false", { message: "Use true or false" });
    shape[entry.name] = field.optional();
  }
  const required = spec.args_required ?? [];
  return z
    .object({
      env: z.object(shape).catchall(z.string()),
      requiredArgs: z.array(z.string()).default([]),
    })
    .superRefine((value, ctx) => {
      for (const name of listMissingEnv(spec, value.env as Record<string, string | undefined>)) {
        ctx.addIssue({ code: "custom", path: ["env", name], message: "Required" });
      }
      required.forEach((arg, index) => {
        if (!(value.requiredArgs[index] ?? "").trim()) ctx.addIssue({ code: "custom", path: ["requiredArgs", index], message: `${arg.name} is required` });
      });
    });
}

export type DeploymentStatus = "pending" | "starting" | "running" | "idle" | "stopped" | "failed";

export type DeploymentEventView = { id: string; kind: string; message: string; createdAt: string };

export type DeploymentSummary = {
  id: string;
  name: string;
  status: DeploymentStatus;
  statusReason: string | null;
  runner: string;
  package: string;
  endpointUrl: string;
  createdAt: string;
  lastRequestAt: string | null;
};

export type DeploymentDetail = DeploymentSummary & {
  spec: ServerSpec;
  /** which variables hold a value; never the values */
  envSet: { name: string; secret: boolean; set: boolean; extra: boolean }[];
  /** required CLI arguments: whether each is set (values are stored encrypted, like env values) */
  requiredArgs: { name: string; set: boolean }[];
  events: DeploymentEventView[];
  sandbox: { kind: string; network: string; reason?: string } | null;
};

export type AccessTokenView = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export type UsageRow = { tool: string | null; method: string; count: number; errors: number; p50Ms: number; p95Ms: number };

export type LogLineView = { at: string; stream: string; line: string };
