// Runs once when the server starts: connect and migrate the database before the first request, and bring back
// deployments that were running before a restart.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("@/lib/server/on-server-start");
  await onServerStart();
}
