// Runs once when the server starts: validate configuration (a bad variable stops the app with a message naming
// it), then connect and migrate the database before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("@/lib/server/env");
  } catch (error) {
    console.error(`[catwalk] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { onServerStart } = await import("@/lib/server/on-server-start");
  await onServerStart();
}
