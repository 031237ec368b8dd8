import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppClient } from "./app-client";

export const everythingVersion = (JSON.parse(readFileSync("node_modules/@modelcontextprotocol/server-everything/package.json", "utf8")) as { version: string }).version;

/** Packages are installed once per machine for the test runs, like a warm production cache. */
export const testPackageCache = join(tmpdir(), "catwalk-test-packages");

/** A hand-written spec for the real server-everything from npm, with one required secret (the server ignores it). */
export function everythingSpec(name = "everything") {
  return {
    name,
    repository: { url: "npm:@modelcontextprotocol/server-everything" },
    runtime: "npm",
    package: "@modelcontextprotocol/server-everything",
    version: everythingVersion,
    command: "npx",
    args: ["-y", `@modelcontextprotocol/server-everything@${everythingVersion}`],
    transport: "stdio",
    env: [{ name: "EVERYTHING_TOKEN", required: true, secret: true, description: "demo secret" }],
    confidence: 1,
    evidence: [],
    analyzer: "heuristic",
  };
}

export type CreatedDeployment = { deployment: { id: string; endpointUrl: string; status: string }; token: { token: string; prefix: string } };

export async function waitForStatus(client: AppClient, id: string, wanted: string, timeoutMs = 90_000): Promise<{ status: string; statusReason: string | null; events: { kind: string; message: string }[] }> {
  const deadline = Date.now() + timeoutMs;
  let last: { status: string; statusReason: string | null; events: { kind: string; message: string }[] } | undefined;
  while (Date.now() < deadline) {
    const { body } = await client.json<{ deployment: NonNullable<typeof last> }>(`/api/deployments/${id}`);
    last = body.deployment;
    if (last.status === wanted) return last;
    if (last.status === "failed" && wanted !== "failed") throw new Error(`deployment failed: ${last.statusReason}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`deployment did not reach ${wanted}; last: ${JSON.stringify(last)}`);
}
