import "server-only";
import { EnvError, parseEnv } from "@/lib/config/env-schema";
import { logger } from "@/lib/server/log";

/**
 * Validate configuration (a bad variable stops the app, naming it), connect and migrate the database, then bring
 * back the deployments that were running before the restart.
 */
export async function onServerStart(): Promise<void> {
  try {
    parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[catwalk] ${error.message}`);
    process.exit(1);
  }
  const { installMcpFastPath } = await import("@/lib/server/mcp/node-fast-path");
  installMcpFastPath();
  const { getDatabase } = await import("@/lib/server/db/client");
  try {
    const database = await getDatabase();
    logger.info("database ready", { kind: database.kind, location: database.location });
  } catch (error) {
    // Stay up: /api/health reports the database honestly and the next request retries the connection.
    logger.error("database unavailable at start", { error });
    return;
  }
  const { recoverDeployments, stopLocalDeploymentsForShutdown } = await import("@/lib/server/deployments/recover-deployments");
  registerShutdown(stopLocalDeploymentsForShutdown);
  void recoverDeployments().catch((error: unknown) => logger.error("could not recover deployments", { error }));
}

function registerShutdown(stop: () => Promise<void>) {
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      const deadline = setTimeout(() => process.exit(0), 8_000);
      void stop().finally(() => {
        clearTimeout(deadline);
        process.exit(0);
      });
    });
  }
}
