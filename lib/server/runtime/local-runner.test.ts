import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, processTree } from "@/lib/server/runtime/bridge-process";
import type { LocalRunner } from "@/lib/server/runtime/local-runner";
import { RuntimeError, type RunSpec } from "@/lib/server/runtime/runner";
import { fakePackage, makeRunner, makeWorkspace } from "@/lib/server/runtime/test-support/fixtures";

const EVERYTHING = "@modelcontextprotocol/server-everything";
const EVERYTHING_VERSION = "2026.8.31";
let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let runner: LocalRunner;
let n = 0;
const id = (label: string) => `t${process.pid}_${label}_${n++}`;

function everything(deploymentId: string, env: Record<string, string> = {}): RunSpec {
  return { deploymentId, runtime: "npm", package: EVERYTHING, version: EVERYTHING_VERSION, command: "npx", args: ["-y", EVERYTHING, "stdio"], env };
}

async function fake(deploymentId: string, name: string, before: string, env: Record<string, string> = {}): Promise<RunSpec> {
  const pkg = await fakePackage(ws.cacheDir, name, before);
  return { deploymentId, runtime: "npm", ...pkg, command: "node", args: ["server.js"], env };
}

async function expectRuntimeError(promise: Promise<unknown>, code: string): Promise<RuntimeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuntimeError);
  expect((error as RuntimeError).code).toBe(code);
  return error as RuntimeError;
}

async function connect(endpoint: string): Promise<Client> {
  const client = new Client({ name: "test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(endpoint)));
  return client;
}

/** Our own direct children: a failed or refused start must leave none behind. */
const myChildren = () => processTree(process.pid).filter((p) => p.pid !== process.pid);

beforeAll(async () => {
  ws = await makeWorkspace();
  runner = makeRunner(ws, { startTimeoutMs: 90_000 });
});

afterAll(async () => {
  await rm(ws.dir, { recursive: true, force: true });
});

describe("LocalRunner with server-everything from npm", () => {
  it("installs, starts behind the bridge, answers tools/list and echo, and stops without leaving a process", async () => {
    const deploymentId = id("everything");
    const began = Date.now();
    const handle = await runner.start(everything(deploymentId));
    const startMs = Date.now() - began;
    expect(handle.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(await runner.status(deploymentId)).toMatchObject({ status: "running", handle });

    const client = await connect(handle.endpoint);
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain("echo");
    const result = await client.callTool({ name: "echo", arguments: { message: "hello catwalk" } });
    expect(JSON.stringify(result.content)).toContain("hello catwalk");
    await client.close();

    const tree = runner.processes(deploymentId);
    expect(tree.length).toBeGreaterThanOrEqual(2); // the bridge and at least the server under it
    const logs = await runner.logs(deploymentId);
    expect(logs.some((l) => /installed @modelcontextprotocol\/server-everything/.test(l.line))).toBe(true);

    await runner.stop(deploymentId);
    expect(tree.filter(isAlive)).toEqual([]);
    expect(await runner.status(deploymentId)).toMatchObject({ status: "stopped" });
    await expect(fetch(handle.endpoint, { method: "POST" })).rejects.toThrow();
    console.log(`[measure] first start incl. npm install: ${startMs} ms`);
  }, 120_000);

  it("stops when idle, says so, and wakes on the next start (cold wake measured)", async () => {
    const idle = makeRunner(ws, { idleTimeoutMs: 1500 });
    const deploymentId = id("idle");
    await idle.start(everything(deploymentId));
    const tree = idle.processes(deploymentId);
    // requests keep it alive
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 500));
      idle.touch(deploymentId);
    }
    expect((await idle.status(deploymentId)).status).toBe("running");
    await new Promise((r) => setTimeout(r, 2500));
    expect(await idle.status(deploymentId)).toMatchObject({ status: "stopped", detail: "idle" });
    expect(tree.filter(isAlive)).toEqual([]);

    const began = Date.now();
    const handle = await idle.start(everything(deploymentId));
    const client = await connect(handle.endpoint);
    await client.callTool({ name: "echo", arguments: { message: "awake" } });
    const wakeMs = Date.now() - began;
    await client.close();
    console.log(`[measure] cold wake (start → first echo answered), package installed: ${wakeMs} ms`);
    expect(wakeMs).toBeLessThan(10_000);
    await idle.destroy(deploymentId);
    expect(await idle.status(deploymentId)).toEqual({ status: "unknown" });
  }, 60_000);
});

describe("LocalRunner refusals and failures", () => {
  it.each<[string, Partial<RunSpec>]>([
    ["shell in the package name", { package: "x;touch /tmp/pwned", args: ["-y", "x;touch /tmp/pwned"] }],
    ["an option as package (argument injection)", { package: "--userconfig=/etc/passwd", args: ["-y", "--userconfig=/etc/passwd"] }],
    ["a launcher that is not allowed", { command: "bash", args: ["-c", "id"] }],
    ["npx --call", { args: ["--call", "touch /tmp/pwned"] }],
  ])("refuses %s with invalid_spec and spawns nothing", async (_label, overrides) => {
    const before = myChildren().length;
    await expectRuntimeError(runner.start({ ...everything(id("invalid")), ...overrides }), "invalid_spec");
    expect(myChildren().length).toBe(before);
  });

  it("reports install_failed with npm's reason for a package that does not exist", async () => {
    const name = `catwalk-no-such-package-${Date.now()}`;
    const error = await expectRuntimeError(
      runner.start({ deploymentId: id("missing"), runtime: "npm", package: name, version: "1.0.0", command: "npx", args: ["-y", name], env: {} }),
      "install_failed",
    );
    expect(error.message).toMatch(/404|not found|No matching version/i);
    expect(error.message.length).toBeLessThan(700);
  }, 60_000);

  it("reports a server that exits at once, quoting its last stderr lines with secrets redacted", async () => {
    const deploymentId = id("exits");
    const spec = await fake(deploymentId, "fake-exits", `console.error("bad key " + process.env.API_KEY); process.exit(3);`, { API_KEY: "sk-live-1234567890" });
    const error = await expectRuntimeError(runner.start(spec), "exited");
    expect(error.message).toContain("bad key [redacted]");
    expect(error.message).not.toContain("sk-live-1234567890");
    expect(await runner.status(deploymentId)).toMatchObject({ status: "failed" });
    expect(runner.processes(deploymentId)).toEqual([]);
  }, 30_000);

  it("gives up with initialize_timeout on a server that never answers, and kills it", async () => {
    const quick = makeRunner(ws, { startTimeoutMs: 3000 });
    const deploymentId = id("silent");
    const spec = await fake(deploymentId, "fake-silent", `await new Promise(() => {});`);
    const before = myChildren().length;
    const began = Date.now();
    await expectRuntimeError(quick.start(spec), "initialize_timeout");
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(myChildren().length).toBe(before);
  }, 30_000);

  it("notices when the bridge itself dies", async () => {
    const deploymentId = id("bridge-dies");
    await runner.start(await fake(deploymentId, "fake-ok", ""));
    const [bridge, ...rest] = runner.processes(deploymentId);
    process.kill(bridge.pid, "SIGKILL");
    await expect.poll(async () => (await runner.status(deploymentId)).status, { timeout: 5000 }).toBe("failed");
    expect((await runner.status(deploymentId)).detail).toMatch(/bridge exited unexpectedly \(SIGKILL\)/);
    await expect.poll(() => rest.filter(isAlive).length, { timeout: 5000 }).toBe(0);
  }, 30_000);
});

describe("what the server sees and what the logs show", () => {
  it("gets only its own env (no DATABASE_URL) and its secrets never reach the logs", async () => {
    process.env.DATABASE_URL = "postgres://catwalk:hunter2@127.0.0.1:5432/app";
    const deploymentId = id("env");
    const seen: string[] = [];
    const unsubscribe = runner.onLog(deploymentId, (l) => seen.push(l.line));
    const spec = await fake(
      deploymentId,
      "fake-env",
      `found.env = Object.keys(process.env).sort(); console.error("using token " + process.env.GITHUB_TOKEN + " for api");`,
      { GITHUB_TOKEN: "ghp_supersecretvalue42", PUBLIC_SETTING: "visible" },
    );
    const handle = await runner.start(spec);
    const client = await connect(handle.endpoint);
    const result = await client.callTool({ name: "report", arguments: {} });
    const found = JSON.parse((result.content as { text: string }[])[0].text) as { env: string[] };
    await client.close();
    expect(found.env).toContain("GITHUB_TOKEN");
    expect(found.env).not.toContain("DATABASE_URL");
    expect(found.env.filter((k) => !["GITHUB_TOKEN", "PUBLIC_SETTING", "PATH", "HOME", "PWD", "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR"].includes(k))).toEqual([]);

    const lines = (await runner.logs(deploymentId)).map((l) => l.line);
    expect(lines).toContain("using token [redacted] for api");
    expect(seen).toContain("using token [redacted] for api");
    expect(JSON.stringify(lines)).not.toContain("ghp_supersecretvalue42");
    unsubscribe();
    await runner.destroy(deploymentId);
    delete process.env.DATABASE_URL;
  }, 30_000);
});

describe("the deployment's own folder", () => {
  it("is the server's writable home and working directory, survives a restart, and goes with destroy", async () => {
    const deploymentId = id("data");
    // Keeps a visit counter in a relative file (the working directory) and reports where it lives.
    const script = `const fs = require("node:fs"); found.cwd = process.cwd(); found.home = process.env.HOME;
      const before = fs.existsSync("visits.txt") ? Number(fs.readFileSync("visits.txt", "utf8")) : 0;
      fs.writeFileSync("visits.txt", String(before + 1)); found.visits = before + 1;
      try { fs.writeFileSync(__dirname + "/inside-package.txt", "x"); found.packageWritable = true; } catch { found.packageWritable = false; }`;
    const spec = await fake(deploymentId, "fake-data", script);
    const report = async () => {
      const client = await connect((await runner.start(spec)).endpoint);
      const result = await client.callTool({ name: "report", arguments: {} });
      await client.close();
      return JSON.parse((result.content as { text: string }[])[0].text) as { cwd: string; home: string; visits: number; packageWritable: boolean };
    };
    const first = await report();
    expect(first.visits).toBe(1);
    expect(first.cwd).toBe(first.home);
    if (runner.describeSandbox().kind === "bubblewrap") {
      expect(first.cwd).toBe("/data");
      expect(first.packageWritable).toBe(false);
    }
    await runner.stop(deploymentId);
    expect((await report()).visits).toBe(2);
    await runner.destroy(deploymentId);
    expect((await report()).visits).toBe(1);
    await runner.destroy(deploymentId);
  }, 60_000);
});
