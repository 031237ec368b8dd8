/** Transport rules a client or a browser would run into: sessions, headers, limits. Raw HTTP, server-everything. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INIT_BODY, JSON_HEADERS, everythingArgv, rawSession, startBridge, type Bridge } from "./testing/harness";

let bridge: Bridge;
beforeAll(async () => {
  bridge = await startBridge({ server: everythingArgv(), flags: ["--body-limit", String(2 * 1024 * 1024), "--allowed-origin", "https://app.example"] });
});
afterAll(async () => {
  await bridge?.stop();
});

const V = { "mcp-protocol-version": "2025-11-25" };
const echo = (message: string, id = 7): string => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "echo", arguments: { message } } });

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { id?: unknown; result?: unknown; error?: { code: number; message: string } } }> {
  const res = await fetch(bridge.url, { method: "POST", headers: { ...JSON_HEADERS, ...V, ...headers }, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

describe("bridge HTTP transport", () => {
  it("ends a session on DELETE; the ended session then answers 404 with a JSON-RPC error", async () => {
    const session = await rawSession(bridge.url);
    expect((await post(echo("before"), { "mcp-session-id": session })).status).toBe(200);
    const del = await fetch(bridge.url, { method: "DELETE", headers: { ...V, "mcp-session-id": session } });
    expect(del.status).toBe(200);
    const after = await post(echo("after"), { "mcp-session-id": session });
    expect(after.status).toBe(404);
    expect(after.body.error?.code).toBe(-32001);
  });

  it("answers 404 for a session id it never issued", async () => {
    const res = await post(echo("x"), { "mcp-session-id": "5f1c0d9e-0000-4000-8000-000000000000" });
    expect(res.status).toBe(404);
    expect(res.body.error?.message).toMatch(/session not found/i);
  });

  it("answers 400 when a non-initialize request has no session id", async () => {
    const res = await post(echo("x"));
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/Mcp-Session-Id/);
  });

  it("answers 400 for an unsupported MCP-Protocol-Version", async () => {
    const session = await rawSession(bridge.url);
    const res = await post(echo("x"), { "mcp-session-id": session, "mcp-protocol-version": "1999-01-01" });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/Unsupported protocol version: 1999-01-01/);
  });

  it("issues a different, unguessable session id to every client", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => rawSession(bridge.url)));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("refuses a foreign Origin with 403 and accepts loopback and listed origins", async () => {
    expect((await post(INIT_BODY(), { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(INIT_BODY(), { origin: "http://localhost:3000" })).status).toBe(200);
    expect((await post(INIT_BODY(), { origin: "https://app.example" })).status).toBe(200);
  });

  it("refuses a non-loopback Host header on a loopback bind (DNS rebinding)", async () => {
    // fetch will not let us set Host, so speak HTTP/1.1 by hand.
    const { connect } = await import("node:net");
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(bridge.port, "127.0.0.1", () => {
        socket.end(`POST /mcp HTTP/1.1\r\nHost: rebind.evil.example:${bridge.port}\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ${Buffer.byteLength(INIT_BODY())}\r\n\r\n${INIT_BODY()}`);
      });
      let data = "";
      socket.on("data", (c) => (data += c)).on("end", () => resolve(data));
    });
    expect(reply.split("\r\n")[0]).toBe("HTTP/1.1 403 Forbidden");
  });

  it("passes a 1 MiB tool argument and refuses a body over the limit with 413 and a JSON-RPC error", async () => {
    const session = await rawSession(bridge.url);
    const big = "x".repeat(1024 * 1024);
    const ok = await post(echo(big), { "mcp-session-id": session });
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body.result)).toContain(big);
    const tooBig = await post(echo("y".repeat(2 * 1024 * 1024 + 1)), { "mcp-session-id": session });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error?.message).toMatch(/exceeds 2097152 bytes/);
  });

  it("answers 405 with an Allow header for methods the endpoint does not offer", async () => {
    const res = await fetch(bridge.url, { method: "PUT", headers: JSON_HEADERS, body: "{}" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST, DELETE");
  });

  it("acknowledges notifications with 202 and answers malformed JSON with 400 parse error", async () => {
    const session = await rawSession(bridge.url);
    const note = await post(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }), { "mcp-session-id": session });
    expect(note.status).toBe(202);
    const bad = await post("{not json", { "mcp-session-id": session });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe(-32700);
  });

  it("streams a request with a progress token as SSE, one event per message, as they happen", async () => {
    const session = await rawSession(bridge.url);
    const res = await fetch(bridge.url, {
      method: "POST",
      headers: { ...JSON_HEADERS, ...V, "mcp-session-id": session },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "trigger-long-running-operation", arguments: { duration: 0.6, steps: 2 }, _meta: { progressToken: "tok" } } }),
    });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    const started = Date.now();
    const first = new TextDecoder().decode((await reader.read()).value);
    // The first progress event arrives after one step (~0.3 s), long before the whole call (~0.6 s) ends.
    expect(first).toContain('"progressToken":"tok"');
    expect(Date.now() - started).toBeLessThan(550);
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toContain("Long running operation completed");
  });

  it("reports health with the session count", async () => {
    const res = await fetch(`http://127.0.0.1:${bridge.port}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; restarts: number; sessions: number };
    expect(body).toMatchObject({ status: "ok", restarts: 0 });
    expect(body.sessions).toBeGreaterThan(0);
  });
});
