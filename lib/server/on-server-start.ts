import "server-only";
import { getDatabase } from "@/lib/server/db/client";
import { logger } from "@/lib/server/log";

export async function onServerStart(): Promise<void> {
  try {
    const database = await getDatabase();
    logger.info("database ready", { kind: database.kind, location: database.location });
  } catch (error) {
    // Stay up: /api/health reports the database honestly and the next request retries the connection.
    logger.error("database unavailable at start", { error });
  }
}
