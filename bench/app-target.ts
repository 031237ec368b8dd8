/**
 * The full product path: an MCP client → Next's /api/mcp/{id} (token check, Origin, body cap, stats) → the bridge →
 * server-everything, on the production build. Uses PostgreSQL when DATABASE_URL is set, else the embedded database.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { descendants, startApp, type RunningApp } from "../test/support/start-app";
import { AppClient, uniqueEmail } from "../test/support/app-client";
import { everythingSpec, testPackageCache, waitForStatus, type CreatedDeployment } from "../test/support/deployments";
import { createFreshDatabase, dropDatabase, LOCAL_POSTGRES } from "../test/support/fresh-database";
import type { Instance, Target } from "./targets";

type Deployed = { app: RunningApp; owner: AppClient; created: CreatedDeployment; stop: () => Promise<void> };

/**
 * Production runs on PostgreSQL: use DATABASE_URL, else a fresh database on the local server when there is one
 * (dropped again when the bench is done), else the embedded database.
 */
async function benchDatabase(): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, drop: async () => {} };
  return createFreshDatabase(LOCAL_POSTGRES, "catwalk_bench").then(
    (db) => ({ url: db.url, drop: () => dropDatabase(LOCAL_POSTGRES, db.name) }),
    () => ({ drop: async () => {} }), // no server here: the embedded database it is
  );
}

async function deploy(env: Record<string, string> = {}): Promise<Deployed> {
  const database = await benchDatabase();
  const app = await startApp({
    inheritDatabase: false,
    env: { CATWALK_PACKAGE_CACHE_DIR: testPackageCache, LOG_LEVEL: "warn", ...(database.url ? { DATABASE_URL: database.url } : {}), ...env },
  });
  const owner = await new AppClient(app.url).signUp(uniqueEmail("bench"));
  const { status, body } = await owner.json<CreatedDeployment>("/api/deployments", { json: { spec: everythingSpec("bench"), env: { EVERYTHING_TOKEN: "bench" } } });
  if (status !== 201) throw new Error(`could not create the bench deployment: ${status} ${JSON.stringify(body)}`);
  await waitForStatus(owner, body.deployment.id, "running");
  const stop = async () => {
    await app.stop();
    await database.drop();
  };
  return { app, owner, created: body, stop };
}

function connectTo(created: CreatedDeployment): Promise<Client> {
  const client = new Client({ name: "catwalk-bench", version: "1" });
  const transport = new StreamableHTTPClientTransport(new URL(created.deployment.endpointUrl), {
    requestInit: { headers: { Authorization: `Bearer ${created.token.token}` } },
  });
  return client.connect(transport).then(() => client);
}

export const appEndpoint: Target = {
  name: "catwalk /api/mcp",
  async start(): Promise<Instance> {
    const { app, created, stop } = await deploy();
    const clients: Client[] = [];
    return {
      async connect() {
        const client = await connectTo(created);
        clients.push(client);
        return client;
      },
      // The app plus everything it runs (the bridge and the server) is what this path costs in memory.
      pids: () => [app.pid, ...descendants(app.pid)],
      async stop() {
        await Promise.allSettled(clients.map((c) => c.close()));
        await stop();
      },
    };
  },
};

/**
 * Cold wake: the deployment has gone idle (its processes are gone); time from the client's first request to the
 * answer of its first echo, through the endpoint. Median of `rounds`.
 */
export async function measureColdWake(rounds = 3): Promise<{ medianMs: number; samples: number[] }> {
  const { owner, created, stop } = await deploy({ CATWALK_IDLE_TIMEOUT_MS: "1500" });
  const samples: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      await waitForStatus(owner, created.deployment.id, "idle", 30_000);
      const started = performance.now();
      const client = await connectTo(created);
      await client.callTool({ name: "echo", arguments: { message: "wake" } });
      samples.push(performance.now() - started);
      await client.close();
    }
  } finally {
    await stop();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, samples };
}
