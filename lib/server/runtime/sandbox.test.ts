import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalRunner } from "@/lib/server/runtime/local-runner";
import type { RunSpec } from "@/lib/server/runtime/runner";
import { describeSandbox } from "@/lib/server/runtime/sandbox";
import { fakePackage, makeRunner, makeWorkspace, repoRoot } from "@/lib/server/runtime/test-support/fixtures";

/**
 * Probes run by the "server" inside whatever the runner gives it, before it answers initialize. Each connect
 * reports OPEN or the error code; each read reports "read" or the error code.
 */
const PROBES = String.raw`
const net = require("node:net"), fs = require("node:fs");
const connect = (host, port) => new Promise((resolve) => {
  const s = net.connect({ host, port, timeout: 1500 });
  s.on("connect", () => { s.destroy(); resolve("OPEN"); });
  s.on("error", (e) => resolve(e.code));
  s.on("timeout", () => { s.destroy(); resolve("TIMEOUT"); });
});
const read = (p) => { try { fs.readdirSync(p); return "read"; } catch (e) { return e.code; } };
const write = (p) => { try { fs.writeFileSync(p, "x"); return "written"; } catch (e) { return e.code; } };
const targets = JSON.parse(process.env.PROBE_TARGETS);
found.connect = {};
for (const [name, host, port] of targets.connect) found.connect[name] = await connect(host, port);
found.read = {};
for (const p of targets.read) found.read[p] = read(p);
found.ownPackage = fs.existsSync(__filename) ? "visible" : "missing";
found.writePackage = write(__dirname + "/written.txt");
found.writeTmp = write("/tmp/ok.txt");
`;

type Found = { connect: Record<string, string>; read: Record<string, string>; ownPackage: string; writePackage: string; writeTmp: string };

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let app: Server;
let appPort: number;
let otherEndpoint: URL;
let sandboxed: LocalRunner;
const description = describeSandbox("auto");

async function probe(runner: LocalRunner, deploymentId: string): Promise<Found> {
  const targets = {
    connect: [
      ["postgres", "127.0.0.1", 5432],
      ["app", "127.0.0.1", appPort],
      ["otherBridge", "127.0.0.1", Number(otherEndpoint.port)],
      ["postgresViaLocalhost", "localhost", 5432],
    ],
    read: ["/root", repoRoot, "/work", "/home"],
  };
  const pkg = await fakePackage(ws.cacheDir, "fake-probe", PROBES);
  const spec: RunSpec = { deploymentId, runtime: "npm", ...pkg, command: "node", args: ["server.js"], env: { PROBE_TARGETS: JSON.stringify(targets) } };
  const handle = await runner.start(spec);
  const client = new Client({ name: "test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(handle.endpoint)));
  const result = await client.callTool({ name: "report", arguments: {} });
  await client.close();
  await runner.destroy(deploymentId);
  return JSON.parse((result.content as { text: string }[])[0].text) as Found;
}

beforeAll(async () => {
  ws = await makeWorkspace();
  app = createServer((_req, res) => res.end("app")).listen(0, "127.0.0.1");
  await new Promise((resolve) => app.once("listening", resolve));
  appPort = (app.address() as AddressInfo).port;
  sandboxed = makeRunner(ws, { sandbox: "bubblewrap" });
  // another deployment's bridge, which a sandboxed server must not be able to reach
  const other = await fakePackage(ws.cacheDir, "fake-other", "");
  const handle = await sandboxed.start({ deploymentId: `other_${process.pid}`, runtime: "npm", ...other, command: "node", args: ["server.js"], env: {} });
  otherEndpoint = new URL(handle.endpoint);
}, 60_000);

afterAll(async () => {
  await sandboxed?.destroy(`other_${process.pid}`);
  app?.close();
  await rm(ws.dir, { recursive: true, force: true });
});

describe.runIf(description.kind === "bubblewrap")("bubblewrap sandbox", () => {
  it("describes itself as bubblewrap with outbound-only network", () => {
    expect(description).toMatchObject({ kind: "bubblewrap", network: "outbound-only" });
  });

  it("cannot reach PostgreSQL, the app or another bridge on the host's loopback, nor read host files", async () => {
    const found = await probe(sandboxed, `sandboxed_${process.pid}`);
    for (const [name, outcome] of Object.entries(found.connect)) expect(outcome, name).not.toBe("OPEN");
    for (const [dir, outcome] of Object.entries(found.read)) expect(outcome, dir).toBe("ENOENT");
    expect(found.ownPackage).toBe("visible");
    expect(found.writePackage).toBe("EROFS");
    expect(found.writeTmp).toBe("written");
    expect((await sandboxed.status(`sandboxed_${process.pid}`)).status).toBe("unknown"); // destroyed
  }, 30_000);

  it("the same probe does see the host without a sandbox (so the test above can fail)", async () => {
    const open = makeRunner(ws, { sandbox: "none" });
    const deploymentId = `unsandboxed_${process.pid}`;
    const found = await probe(open, deploymentId);
    expect(found.connect).toMatchObject({ postgres: "OPEN", app: "OPEN", otherBridge: "OPEN" });
    expect(found.read["/root"]).toBe("read");
    expect(found.read[repoRoot]).toBe("read");
  }, 30_000);

  it("reports an unsandboxed deployment plainly in its status", async () => {
    const open = makeRunner(ws, { sandbox: "none" });
    const deploymentId = `plain_${process.pid}`;
    const pkg = await fakePackage(ws.cacheDir, "fake-plain", "");
    await open.start({ deploymentId, runtime: "npm", ...pkg, command: "node", args: ["server.js"], env: {} });
    expect(await open.status(deploymentId)).toMatchObject({ status: "running", detail: "sandbox: none", sandbox: { kind: "none", network: "host" } });
    await open.destroy(deploymentId);
  }, 30_000);

  // Reaching the internet is not something the test suite may do by default (tests talk to 127.0.0.1 only).
  it.runIf(process.env.CATWALK_TEST_OUTBOUND === "1")("still reaches the internet (registry.npmjs.org:443)", async () => {
    const deploymentId = `outbound_${process.pid}`;
    const pkg = await fakePackage(ws.cacheDir, "fake-outbound", `found.npm = await new Promise((resolve) => { const s = require("node:net").connect({ host: "registry.npmjs.org", port: 443, timeout: 5000 }); s.on("connect", () => { s.destroy(); resolve("OPEN"); }); s.on("error", (e) => resolve(e.code)); s.on("timeout", () => resolve("TIMEOUT")); });`);
    const handle = await sandboxed.start({ deploymentId, runtime: "npm", ...pkg, command: "node", args: ["server.js"], env: {} });
    const client = new Client({ name: "test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(handle.endpoint)));
    const result = await client.callTool({ name: "report", arguments: {} });
    await client.close();
    await sandboxed.destroy(deploymentId);
    expect(JSON.parse((result.content as { text: string }[])[0].text)).toEqual({ npm: "OPEN" });
  }, 30_000);
});

describe("describeSandbox", () => {
  it("says plainly when sandboxing is off or bwrap is missing", () => {
    expect(describeSandbox("none")).toMatchObject({ kind: "none", network: "host", reason: expect.stringMatching(/CATWALK_SANDBOX=none/) });
    const tools = { bwrap: "/nonexistent/bwrap", pasta: "/usr/bin/pasta", slirp4netns: "/usr/bin/slirp4netns" };
    expect(describeSandbox("auto", tools)).toMatchObject({ kind: "none", reason: expect.stringMatching(/not installed/) });
  });

  it("falls back to no network when neither pasta nor slirp4netns exists", () => {
    const tools = { bwrap: "/usr/bin/bwrap", pasta: "/nonexistent/pasta", slirp4netns: "/nonexistent/slirp4netns" };
    if (describeSandbox("auto").kind === "bubblewrap") expect(describeSandbox("auto", tools)).toMatchObject({ kind: "bubblewrap", network: "none" });
  });
});
