import "server-only";
import path from "node:path";
import { env } from "@/lib/server/env";
import { appRoot } from "@/lib/server/config/app-root";
import { FlyRunner } from "@/lib/server/runtime/fly-runner";
import { LocalRunner } from "@/lib/server/runtime/local-runner";
import { RuntimeError, type Runner } from "@/lib/server/runtime/runner";

const holder = globalThis as typeof globalThis & { __catwalkRunner?: Runner };

/** The runner chosen by CATWALK_RUNNER, built once per process from the validated settings. */
export function getRunner(): Runner {
  if (holder.__catwalkRunner) return holder.__catwalkRunner;
  holder.__catwalkRunner = env.CATWALK_RUNNER === "fly" ? createFlyRunner() : createLocalRunner();
  return holder.__catwalkRunner;
}

export function createLocalRunner(): LocalRunner {
  // Relative to the app's working directory, like `next start` and `npm run build:cli` both assume.
  const root = appRoot();
  const dataDir = path.resolve(root, env.CATWALK_DATA_DIR);
  return new LocalRunner({
    cacheDir: path.resolve(root, env.CATWALK_PACKAGE_CACHE_DIR ?? path.join(dataDir, "packages")),
    dataDir,
    bridgePath: path.join(root, "dist/host.mjs"),
    launcherPath: path.join(root, "lib/server/runtime/sandbox-launch.mjs"),
    sandbox: env.CATWALK_SANDBOX,
    idleTimeoutMs: env.CATWALK_IDLE_TIMEOUT_MS,
  });
}

export function createFlyRunner(): FlyRunner {
  const missing = (["FLY_API_TOKEN", "FLY_MCP_APP", "FLY_MCP_IMAGE"] as const).filter((name) => !env[name]);
  if (missing.length) throw new RuntimeError("provider_error", `CATWALK_RUNNER=fly needs ${missing.join(", ")}`);
  return new FlyRunner({
    apiUrl: env.FLY_API_URL,
    token: env.FLY_API_TOKEN as string,
    app: env.FLY_MCP_APP as string,
    image: env.FLY_MCP_IMAGE as string,
    region: env.FLY_MCP_REGION,
    cpus: env.FLY_MACHINE_CPUS,
    memoryMb: env.FLY_MACHINE_MEMORY_MB,
  });
}
