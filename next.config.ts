import type { NextConfig } from "next";
import { parseEnv } from "./lib/config/env-schema";

// Validate configuration once, at build and at start: a bad variable stops the app with a message naming it.
parseEnv(process.env);

const config: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // No gzip in the app: it would hold back Server-Sent Events (MCP progress, live logs) until a buffer fills, and
  // costs CPU on every MCP call. A proxy in front may compress what it likes.
  compress: false,
  // Loaded from node_modules at run time: wasm (PGlite), native-ish or generated packages that must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "esbuild", "tar"],
  // Files read from disk at run time must travel with the standalone output.
  outputFileTracingIncludes: {
    "/**": ["./prisma/migrations/**/*", "./dist/host.mjs", "./lib/server/runtime/sandbox-launch.mjs", "./node_modules/@electric-sql/pglite/dist/**/*"],
  },
  // Never ship local state or secrets in the build, whatever a tracer decides.
  outputFileTracingExcludes: {
    "/**": ["./data/**/*", "./.env*", "./test-results/**/*", "./playwright-report/**/*", "./fixtures/**/*", "./e2e/**/*", "./**/*.test.ts", "./lib/server/runtime/test-support/**/*"],
  },
  typescript: { ignoreBuildErrors: false },
  // Next 16 writes AGENTS.md files into the project on dev start; this project keeps its own docs.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default config;
