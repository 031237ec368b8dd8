import { z } from "zod";

/**
 * The schema of every setting Catwalk reads. Pure, so next.config.ts can validate at start; feature code imports
 * `env` from lib/server/env.ts instead.
 *
 * Every setting Catwalk reads, validated once. A missing or malformed variable stops the app with a message naming it.
 * Feature code imports `env` from here; nothing else reads process.env.
 */
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional());
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional());
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),

  // Database: PostgreSQL when set (postgres:// or postgresql://, sslmode accepted), embedded PGlite otherwise.
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  CATWALK_DATA_DIR: z.string().default("./data"),

  // Where `npm start` / the image listens.
  CATWALK_HOST: z.string().default("127.0.0.1"),
  PORT: positiveInt(3000),

  // Public URL of the app (used in endpoint URLs and auth callbacks).
  CATWALK_PUBLIC_URL: optionalUrl,
  NEXTAUTH_URL: optionalUrl,
  NEXTAUTH_SECRET: optionalString,

  // Secrets at rest: comma-separated `keyId:base64key` pairs, newest first. Generated into the data folder when unset.
  CATWALK_ENCRYPTION_KEYS: optionalString,

  // GitHub OAuth sign-in (enabled when both are set). The profile is read from GITHUB_API_URL.
  GITHUB_CLIENT_ID: optionalString,
  GITHUB_CLIENT_SECRET: optionalString,
  GITHUB_OAUTH_URL: z.string().url().default("https://github.com"),

  // Repository analysis.
  GITHUB_API_URL: z.string().url().default("https://api.github.com"),
  GITHUB_TOKEN: optionalString,
  NPM_REGISTRY_URL: z.string().url().default("https://registry.npmjs.org"),
  PYPI_URL: z.string().url().default("https://pypi.org"),
  CATWALK_ALLOW_PRIVATE_NETWORK_SOURCES: flag(false),
  ANALYSIS_MAX_FILES: positiveInt(400),
  ANALYSIS_MAX_BYTES: positiveInt(5_000_000),
  ANALYSIS_TIMEOUT_MS: positiveInt(30_000),

  // Optional LLM refinement (any OpenAI-compatible API).
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: positiveInt(30_000),

  // Runtime.
  CATWALK_RUNNER: z.enum(["local", "fly"]).default("local"),
  CATWALK_SANDBOX: z.enum(["auto", "bubblewrap", "none"]).default("auto"),
  CATWALK_IDLE_TIMEOUT_MS: positiveInt(15 * 60_000),
  CATWALK_PACKAGE_CACHE_DIR: optionalString,
  FLY_API_URL: z.string().url().default("https://api.machines.dev"),
  FLY_API_TOKEN: optionalString,
  FLY_MCP_APP: optionalString,
  FLY_MCP_IMAGE: optionalString,
  FLY_MCP_REGION: optionalString,
  FLY_MACHINE_CPUS: positiveInt(1),
  FLY_MACHINE_MEMORY_MB: positiveInt(512),

  // MCP endpoint.
  CATWALK_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  CATWALK_MAX_BODY_BYTES: positiveInt(4 * 1024 * 1024),
  CATWALK_WAKE_TIMEOUT_MS: positiveInt(30_000),

  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new EnvError(`Invalid configuration:\n${problems}`);
}
