/** The bridge as MCP clients see it: the official SDK client over HTTP against server-everything. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CreateMessageRequestSchema, LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { JSON_HEADERS, everythingArgv, rawSession, startBridge, waitFor, type Bridge } from "./testing/harness";

let bridge: Bridge;
beforeAll(async () => {
  bridge = await startBridge({ server: everythingArgv() });
});
afterAll(async () => {
  await bridge?.stop();
});

async function connect(options: { sampling?: boolean } = {}): Promise<Client> {
  const client = new Client({ name: "test", version: "1" }, { capabilities: options.sampling ? { sampling: {} } : {} });
  await client.connect(new StreamableHTTPClientTransport(new URL(bridge.url)));
  return client;
}

function text(result: unknown): string {
  return ((result as { content: Array<{ text?: string }> }).content[0]?.text ?? "") as string;
}

describe("bridge with the SDK client", () => {
  it("lists the server's tools and calls echo", async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["echo", "get-sum", "trigger-long-running-operation"]));
    expect(text(await client.callTool({ name: "echo", arguments: { message: "hello bridge" } }))).toBe("Echo: hello bridge");
    await client.close();
  });

  it("delivers progress notifications before the result", async () => {
    const client = await connect();
    const events: string[] = [];
    const result = await client.callTool({ name: "trigger-long-running-operation", arguments: { duration: 0.3, steps: 3 } }, undefined, {
      onprogress: (p) => events.push(`progress ${p.progress}/${p.total}`),
    });
    events.push(text(result));
    expect(events).toEqual(["progress 1/3", "progress 2/3", "progress 3/3", expect.stringContaining("Long running operation completed")]);
    await client.close();
  });

  it("routes a server→client sampling request to the client that caused it, not to another session", async () => {
    const bystander = await connect({ sampling: true });
    let bystanderAsked = 0;
    bystander.setRequestHandler(CreateMessageRequestSchema, async () => {
      bystanderAsked += 1;
      return { model: "wrong", role: "assistant", content: { type: "text", text: "wrong session" } };
    });
    const caller = await connect({ sampling: true });
    caller.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
      model: "test-model",
      role: "assistant",
      content: { type: "text", text: `sampled ${request.params.maxTokens}` },
    }));
    const result = await caller.callTool({ name: "trigger-sampling-request", arguments: { prompt: "hi", maxTokens: 7 } });
    expect(JSON.stringify(result)).toContain("sampled 7");
    expect(bystanderAsked).toBe(0);
    await Promise.all([caller.close(), bystander.close()]);
  });

  it("keeps two sessions apart when both use the same JSON-RPC ids at the same time", async () => {
    const [a, b] = await Promise.all([rawSession(bridge.url), rawSession(bridge.url)]);
    const call = (session: string, id: number, message: string): Promise<Response> =>
      fetch(bridge.url, {
        method: "POST",
        headers: { ...JSON_HEADERS, "mcp-session-id": session, "mcp-protocol-version": "2025-11-25" },
        body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "echo", arguments: { message } } }),
      });
    const calls: Promise<Response>[] = [];
    for (let id = 1; id <= 20; id++) calls.push(call(a, id, `a-${id}`), call(b, id, `b-${id}`));
    const bodies = await Promise.all(calls.map(async (r) => (await (await r).json()) as { id: number; result: unknown }));
    bodies.forEach((body, i) => {
      const id = Math.floor(i / 2) + 1;
      expect(body.id).toBe(id);
      expect(text(body.result)).toBe(`Echo: ${i % 2 === 0 ? "a" : "b"}-${id}`);
    });
  });

  it("serves several protocol revisions, each session in the version it asked for", async () => {
    for (const version of ["2025-03-26", "2025-06-18", "2025-11-25"]) {
      const res = await fetch(bridge.url, {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: version, capabilities: {}, clientInfo: { name: "t", version: "1" } } }),
      });
      const body = (await res.json()) as { result: { protocolVersion: string; serverInfo: { name: string } } };
      expect(body.result.protocolVersion).toBe(version);
      expect(body.result.serverInfo.name).toContain("everything");
    }
  });

  it("answers a 2026-07-28 (sessionless) request with a clean 400 instead of hanging", async () => {
    const res = await fetch(bridge.url, {
      method: "POST",
      headers: { ...JSON_HEADERS, "mcp-protocol-version": "2026-07-28" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "server/discover", params: {} }),
      signal: AbortSignal.timeout(5_000),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: number; message: string } };
    expect(body.error.message).toMatch(/Unsupported protocol version: 2026-07-28.*2025-11-25/);
  });

  it("delivers the server's logging notifications to every session's GET stream", async () => {
    const [first, second] = await Promise.all([connect(), connect()]);
    const seen: string[][] = [[], []];
    [first, second].forEach((client, i) =>
      client.setNotificationHandler(LoggingMessageNotificationSchema, async (n) => void seen[i].push(String(n.params.data))),
    );
    await new Promise((r) => setTimeout(r, 200)); // the SDK opens its GET stream just after connect resolves
    await first.callTool({ name: "toggle-simulated-logging", arguments: {} });
    try {
      await waitFor(() => seen[0].length > 0 && seen[1].length > 0, 8_000);
      // server-everything words it "Info-level message" or "Alert level-message", at random levels
      expect(seen[0][0]).toMatch(/level[- ]message/i);
    } finally {
      await first.callTool({ name: "toggle-simulated-logging", arguments: {} });
      await Promise.all([first.close(), second.close()]);
    }
  });
});
