// Runs once when the server starts (Node.js runtime only): see lib/server/on-server-start.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("@/lib/server/on-server-start");
  await onServerStart();
}
