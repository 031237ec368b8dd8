/** The things the bench compares. Each target starts one serving stack and hands out connected SDK clients. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { EVERYTHING, buildHost, startBridge } from "../host/testing/harness";

export type Instance = {
  /** a new client session, connected (initialized) */
  connect(): Promise<Client>;
  /** root processes whose memory counts (their descendants are added by the bench) */
  pids(): number[];
  stop(): Promise<void>;
  /**
   * true when every connect() shares one connection (direct stdio: one process, many callers in flight);
   * false when each connect() is its own session.
   */
  shared?: boolean;
};

export type Target = { name: string; start(): Promise<Instance> };

const root = fileURLToPath(new URL("../", import.meta.url));
const clientInfo = { name: "catwalk-bench", version: "1" };

/** The baseline: the SDK client talking to the server over its own stdio, no HTTP at all. */
export const directStdio: Target = {
  name: "direct stdio",
  async start() {
    const transport = new StdioClientTransport({ command: process.execPath, args: [EVERYTHING, "stdio"], stderr: "ignore" });
    const client = new Client(clientInfo);
    await client.connect(transport);
    return { shared: true, connect: async () => client, pids: () => [transport.pid ?? 0], stop: () => client.close() };
  },
};

/** Any Streamable HTTP endpoint: a session per connect(). */
export function httpInstance(options: { url: string; pids: () => number[]; stop: () => Promise<void> }): Instance {
  const clients: Client[] = [];
  return {
    async connect() {
      const client = new Client(clientInfo);
      await client.connect(new StreamableHTTPClientTransport(new URL(options.url)));
      clients.push(client);
      return client;
    },
    pids: options.pids,
    async stop() {
      await Promise.allSettled(clients.map((c) => c.close()));
      await options.stop();
    },
  };
}

export const bridge: Target = {
  name: "catwalk host",
  async start() {
    await buildHost();
    const b = await startBridge({ server: [process.execPath, EVERYTHING, "stdio"] });
    return httpInstance({ url: b.url, pids: () => [b.proc.pid ?? 0], stop: async () => void (await b.stop()) });
  },
};

export const supergateway: Target = {
  name: "supergateway --stateful",
  async start() {
    const port = await freePort();
    const proc = spawnQuiet([join(root, "node_modules/supergateway/dist/index.js"), "--stdio", `${process.execPath} ${EVERYTHING} stdio`, "--outputTransport", "streamableHttp", "--stateful", "--port", String(port), "--logLevel", "none"]);
    return retryingHttp(`http://127.0.0.1:${port}/mcp`, proc);
  },
};

export const mcpProxy: Target = {
  name: "mcp-proxy",
  async start() {
    const port = await freePort();
    const proc = spawnQuiet([join(root, "node_modules/mcp-proxy/dist/bin/mcp-proxy.mjs"), "--host", "127.0.0.1", "--port", String(port), "--server", "stream", "--", process.execPath, EVERYTHING, "stdio"]);
    return retryingHttp(`http://127.0.0.1:${port}/mcp`, proc);
  },
};

function spawnQuiet(args: string[]): ChildProcess {
  return spawn(process.execPath, args, { stdio: ["ignore", "ignore", "ignore"] });
}

/** Peers print no machine-readable "ready": the first connect() retries until the port answers. */
function retryingHttp(url: string, proc: ChildProcess): Instance {
  const inner = httpInstance({
    url,
    pids: () => [proc.pid ?? 0],
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    },
  });
  let ready = false;
  return {
    ...inner,
    async connect() {
      if (ready) return inner.connect();
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          const client = await inner.connect();
          ready = true;
          return client;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
