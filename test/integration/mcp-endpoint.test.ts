import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { startApp, type RunningApp } from "../support/start-app";
import { AppClient, uniqueEmail } from "../support/app-client";
import { everythingSpec, testPackageCache, waitForStatus, type CreatedDeployment } from "../support/deployments";

const secretValue = `sekrit-${Math.random().toString(36).slice(2)}-value`;
let app: RunningApp;
let owner: AppClient;
let created: CreatedDeployment;
const seen: string[] = [];

function connect(url: string, token: string) {
  const client = new Client({ name: "catwalk-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  return { client, transport, ready: client.connect(transport) };
}

async function rawPost(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers }, body });
  const text = await response.text();
  seen.push(text);
  return { status: response.status, headers: response.headers, text };
}

const initialize = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } });

beforeAll(async () => {
  app = await startApp({ env: { CATWALK_PACKAGE_CACHE_DIR: testPackageCache } });
  owner = await new AppClient(app.url).signUp(uniqueEmail("owner"));
  const response = await owner.json<CreatedDeployment>("/api/deployments", { json: { spec: everythingSpec(), env: { EVERYTHING_TOKEN: secretValue } } });
  expect(response.status).toBe(201);
  created = response.body;
  seen.push(JSON.stringify(response.body));
  await waitForStatus(owner, created.deployment.id, "running");
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

describe("an SDK client through /api/mcp/{id}", () => {
  it("lists and calls tools", async () => {
    const { client, ready } = connect(created.deployment.endpointUrl, created.token.token);
    await ready;
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain("echo");
    const result = await client.callTool({ name: "echo", arguments: { message: "hello through catwalk" } });
    expect(JSON.stringify(result.content)).toContain("hello through catwalk");
    await client.close();
  });

  it("delivers progress notifications before the result", async () => {
    const { client, ready } = connect(created.deployment.endpointUrl, created.token.token);
    await ready;
    const order: string[] = [];
    const result = await client.request(
      { method: "tools/call", params: { name: "trigger-long-running-operation", arguments: { duration: 1, steps: 4 } } },
      CallToolResultSchema,
      { onprogress: (p) => order.push(`progress ${p.progress}`) },
    );
    order.push("result");
    expect(result.content.length).toBeGreaterThan(0);
    expect(order.filter((o) => o.startsWith("progress")).length).toBeGreaterThanOrEqual(3);
    expect(order.at(-1)).toBe("result");
    await client.close();
  });

  it("serves 64 concurrent sessions with no errors", async () => {
    const sessions = await Promise.all(Array.from({ length: 64 }, async () => {
      const c = connect(created.deployment.endpointUrl, created.token.token);
      await c.ready;
      return c.client;
    }));
    const results = await Promise.allSettled(sessions.map((client, i) => client.callTool({ name: "echo", arguments: { message: `session ${i}` } })));
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures).toEqual([]);
    results.forEach((r, i) => expect(JSON.stringify((r as PromiseFulfilledResult<{ content: unknown }>).value.content)).toContain(`session ${i}`));
    await Promise.all(sessions.map((c) => c.close()));
  }, 120_000);

  it("ends a session on DELETE; reusing it gives 404", async () => {
    const { client, transport, ready } = connect(created.deployment.endpointUrl, created.token.token);
    await ready;
    const sessionId = transport.sessionId!;
    expect(sessionId).toBeTruthy();
    await transport.terminateSession();
    const reuse = await rawPost(created.deployment.endpointUrl, JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }), {
      authorization: `Bearer ${created.token.token}`,
      "mcp-session-id": sessionId,
      "mcp-protocol-version": "2025-06-18",
    });
    expect(reuse.status).toBe(404);
    expect(JSON.parse(reuse.text).error).toBeDefined();
    await client.close();
  });

  it("works for mcp-remote, the bridge Claude Desktop users run", async () => {
    const client = new Client({ name: "mcp-remote-test", version: "1.0.0" });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ["node_modules/mcp-remote/dist/proxy.js", created.deployment.endpointUrl, "--transport", "http-only", "--header", `Authorization: Bearer ${created.token.token}`],
      stderr: "pipe",
    });
    await client.connect(transport);
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain("echo");
    const result = await client.callTool({ name: "echo", arguments: { message: "via mcp-remote" } });
    expect(JSON.stringify(result.content)).toContain("via mcp-remote");
    await client.close();
  }, 60_000);
});

describe("requests the endpoint refuses", () => {
  it("answers each with its documented status and a JSON-RPC error", async () => {
    const url = created.deployment.endpointUrl;
    const auth = { authorization: `Bearer ${created.token.token}` };

    const none = await rawPost(url, initialize, {});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(JSON.parse(none.text).error.message).toMatch(/Bearer/);

    expect((await rawPost(url, initialize, { authorization: "Bearer cw_tok_wrong" })).status).toBe(401);
    expect((await rawPost(url.replace(created.deployment.id, "dep_doesnotexist"), initialize, auth)).status).toBe(401);
    expect((await rawPost(url, initialize, { ...auth, origin: "https://evil.example" })).status).toBe(403);
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo", arguments: { message: "x".repeat(5 * 1024 * 1024) } } });
    expect((await rawPost(url, big, auth)).status).toBe(413);
    const malformed = await rawPost(url, "{not json", auth);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text).error.code).toBe(-32700);
  });

  it("refuses another user's token, and a revoked one", async () => {
    const other = await new AppClient(app.url).signUp(uniqueEmail("other"));
    const theirs = await other.json<CreatedDeployment>("/api/deployments", { json: { spec: everythingSpec("theirs"), env: { EVERYTHING_TOKEN: "x" } } });
    expect(theirs.status).toBe(201);
    await other.json(`/api/deployments/${theirs.body.deployment.id}/actions`, { json: { action: "stop" } });
    expect((await rawPost(created.deployment.endpointUrl, initialize, { authorization: `Bearer ${theirs.body.token.token}` })).status).toBe(401);
    // …and the owner of the other deployment cannot read or change this one through the API.
    expect((await other.json(`/api/deployments/${created.deployment.id}`)).status).toBe(404);
    expect((await other.json(`/api/deployments/${created.deployment.id}/tokens`, { json: { name: "steal" } })).status).toBe(404);
    expect((await other.json(`/api/deployments/${created.deployment.id}`, { method: "DELETE" })).status).toBe(404);

    const { body } = await owner.json<{ token: { id: string; token: string } }>(`/api/deployments/${created.deployment.id}/tokens`, { json: { name: "short-lived" } });
    expect((await rawPost(created.deployment.endpointUrl, initialize, { authorization: `Bearer ${body.token.token}` })).status).toBe(200);
    await owner.json(`/api/deployments/${created.deployment.id}/tokens/${body.token.id}`, { method: "DELETE" });
    expect((await rawPost(created.deployment.endpointUrl, initialize, { authorization: `Bearer ${body.token.token}` })).status).toBe(401);
  }, 120_000);
});

describe("what the owner sees", () => {
  it("records usage per tool and never shows the secret value anywhere", async () => {
    const { client, ready } = connect(created.deployment.endpointUrl, created.token.token);
    await ready;
    await expect(client.callTool({ name: "no-such-tool", arguments: {} }).then((r) => (r.isError ? Promise.reject(new Error("tool error")) : r))).rejects.toThrow();
    await client.close();
    const usage = await owner.json<{ rows: { tool: string | null; method: string; count: number; errors: number }[] }>(`/api/deployments/${created.deployment.id}/usage`);
    expect(usage.body.rows.find((r) => r.tool === "echo")?.count).toBeGreaterThanOrEqual(64);
    // A failed call arrives as HTTP 200 with a JSON-RPC error (or isError): usage still counts it as an error.
    expect(usage.body.rows.find((r) => r.tool === "no-such-tool")).toMatchObject({ count: 1, errors: 1 });
    const id = created.deployment.id;
    for (const path of [`/api/deployments/${id}`, "/api/deployments", `/api/deployments/${id}/logs?limit=1000`, `/api/deployments/${id}/usage`, `/api/deployments/${id}/tokens`]) {
      const response = await owner.request(path);
      expect(response.status).toBe(200);
      seen.push(await response.text());
    }
    const detail = JSON.parse(seen.at(-5)!) as { deployment: { envSet: { name: string; set: boolean }[] } };
    expect(detail.deployment.envSet).toEqual([expect.objectContaining({ name: "EVERYTHING_TOKEN", set: true })]);
    for (const text of [...seen, app.logs()]) expect(text).not.toContain(secretValue);
  });
});
