import "server-only";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/**
 * One real MCP `initialize` through the bridge, the way any client would do it, then the session is ended so the
 * probe does not keep a server-side session alive. Resolves with the server's name, throws on failure or timeout.
 */
export async function probeInitialize(endpoint: string, timeoutMs: number): Promise<{ serverName?: string }> {
  const transport = new StreamableHTTPClientTransport(new URL(endpoint));
  const client = new Client({ name: "catwalk-health", version: "1.0.0" });
  try {
    await client.connect(transport, { timeout: timeoutMs });
    const name = client.getServerVersion()?.name;
    await transport.terminateSession().catch(() => {});
    return { serverName: name };
  } finally {
    await client.close().catch(() => {});
  }
}

export type BridgeHealth = { status: "ok" | "starting" | "restarting" | string; restarts: number; sessions: number };

export async function readHealth(endpoint: string, timeoutMs = 2000): Promise<BridgeHealth | undefined> {
  try {
    const response = await fetch(new URL("/healthz", endpoint), { signal: AbortSignal.timeout(timeoutMs) });
    // The bridge answers 503 with the same body when its server has failed; that body is what we want to read.
    return (await response.json()) as BridgeHealth;
  } catch {
    return undefined;
  }
}
