import { afterAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { descendants, startApp, type RunningApp } from "../support/start-app";
import { AppClient, uniqueEmail } from "../support/app-client";
import { everythingSpec, testPackageCache, waitForStatus, type CreatedDeployment } from "../support/deployments";

const apps: RunningApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
});

async function launch(env: Record<string, string> = {}, dataDir?: string) {
  const app = await startApp({ env: { CATWALK_PACKAGE_CACHE_DIR: testPackageCache, ...env }, dataDir });
  apps.push(app);
  return app;
}

async function echo(url: string, token: string, message: string): Promise<string> {
  const client = new Client({ name: "lifecycle", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  try {
    return JSON.stringify((await client.callTool({ name: "echo", arguments: { message } })).content);
  } finally {
    await client.close();
  }
}

async function rawInitialize(url: string, token: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
}

describe("a deployment's life", () => {
  it("stops (503 to clients), starts, survives an app restart, updates its credentials, and is deleted without a trace", async () => {
    const first = await launch();
    const email = uniqueEmail("life");
    const owner = await new AppClient(first.url).signUp(email, "lifecycle password");
    const { body } = await owner.json<CreatedDeployment>("/api/deployments", { json: { spec: everythingSpec("life"), env: { EVERYTHING_TOKEN: "first-secret" } } });
    const id = body.deployment.id;
    const token = body.token.token;
    await waitForStatus(owner, id, "running");

    await owner.json(`/api/deployments/${id}/actions`, { json: { action: "stop" } });
    const stopped = await waitForStatus(owner, id, "stopped");
    expect(stopped.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["pending", "starting", "running", "stopped"]));
    const refused = await rawInitialize(body.deployment.endpointUrl, token);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.message).toMatch(/stopped/);
    expect(descendants(first.pid)).toEqual([]);

    await owner.json(`/api/deployments/${id}/actions`, { json: { action: "start" } });
    await waitForStatus(owner, id, "running");
    expect(await echo(body.deployment.endpointUrl, token, "before restart")).toContain("before restart");

    // The app goes down and comes back on the same data folder: the deployment is started again on its own.
    const running = descendants(first.pid);
    expect(running.length).toBeGreaterThan(0);
    await first.stop();
    // Bridges and servers stop with the app; nothing is left behind for the next start to trip over.
    const alive = () => running.filter((pid) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z "));
    for (const deadline = Date.now() + 5_000; alive().length && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toEqual([]);
    const restartedAt = Date.now();
    const second = await launch({}, first.dataDir);
    const ownerAgain = new AppClient(second.url);
    expect(await ownerAgain.signIn(email, "lifecycle password")).toBe(true);
    const back = await waitForStatus(ownerAgain, id, "running");
    expect(back.events[0]!.message).toMatch(/started again after Catwalk restarted|MCP initialize/);
    const endpoint = body.deployment.endpointUrl.replace(new URL(first.url).host, new URL(second.url).host);
    // Its logs outlived the restart: lines written by the first app's run are still there.
    const logs = await ownerAgain.json<{ lines: { at: string; line: string }[] }>(`/api/deployments/${id}/logs?limit=1000`);
    expect(logs.body.lines.some((l) => new Date(l.at).getTime() < restartedAt)).toBe(true);
    expect(await echo(endpoint, token, "after restart")).toContain("after restart");

    const patched = await ownerAgain.json<{ deployment: { envSet: { name: string; set: boolean }[] } }>(`/api/deployments/${id}`, { method: "PATCH", json: { env: { EVERYTHING_TOKEN: "second-secret" } } });
    expect(patched.status).toBe(200);
    const updated = await waitForStatus(ownerAgain, id, "running");
    expect(updated.events.some((e) => /settings updated: set EVERYTHING_TOKEN/.test(e.message))).toBe(true);

    expect((await ownerAgain.json(`/api/deployments/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await ownerAgain.json(`/api/deployments/${id}`)).status).toBe(404);
    expect((await rawInitialize(endpoint, token)).status).toBe(401);
    expect(descendants(second.pid)).toEqual([]);
    for (const text of [first.logs(), second.logs()]) {
      expect(text).not.toContain("first-secret");
      expect(text).not.toContain("second-secret");
    }
  }, 240_000);

  it("goes idle without requests and the next request wakes it", async () => {
    const app = await launch({ CATWALK_IDLE_TIMEOUT_MS: "2000" });
    const owner = await new AppClient(app.url).signUp(uniqueEmail("idle"));
    const { body } = await owner.json<CreatedDeployment>("/api/deployments", { json: { spec: everythingSpec("idle"), env: { EVERYTHING_TOKEN: "x" } } });
    await waitForStatus(owner, body.deployment.id, "running");
    await waitForStatus(owner, body.deployment.id, "idle", 30_000);
    expect(descendants(app.pid)).toEqual([]);
    expect(await echo(body.deployment.endpointUrl, body.token.token, "wake up")).toContain("wake up");
    const awake = await waitForStatus(owner, body.deployment.id, "running");
    expect(awake.events[0]!.message).toMatch(/MCP initialize/);
    expect(awake.events.some((e) => e.message === "woken by an MCP request")).toBe(true);
  }, 120_000);

  it("fails a package that cannot be installed with the installer's own reason, and leaves nothing running", async () => {
    const app = await launch();
    const owner = await new AppClient(app.url).signUp(uniqueEmail("broken"));
    const pkg = "catwalk-test-no-such-package-7f3a9";
    const spec = { ...everythingSpec("broken"), package: pkg, version: undefined, args: ["-y", pkg], env: [] };
    const { status, body } = await owner.json<CreatedDeployment>("/api/deployments", { json: { spec } });
    expect(status).toBe(201);
    const failed = await waitForStatus(owner, body.deployment.id, "failed");
    expect(failed.statusReason).toMatch(/404|not found/i);
    expect(descendants(app.pid)).toEqual([]);
    const call = await rawInitialize(body.deployment.endpointUrl, body.token.token);
    expect(call.status).toBe(503);
    expect(JSON.parse(call.body).error.message).toMatch(/failed/);
  }, 120_000);
});
