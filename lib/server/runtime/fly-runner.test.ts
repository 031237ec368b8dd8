import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FlyRunner, type FlyRunnerOptions } from "@/lib/server/runtime/fly-runner";
import { RuntimeError, type RunSpec } from "@/lib/server/runtime/runner";
import { startFakeFlyMachines } from "@/test/fakes/fly-machines-server";

const TOKEN = "fo1_test_token";
const APP = "catwalk-mcp";
let fly: Awaited<ReturnType<typeof startFakeFlyMachines>>;
let n = 0;

function runner(extra: Partial<FlyRunnerOptions> = {}): FlyRunner {
  return new FlyRunner({ apiUrl: fly.url, token: TOKEN, app: APP, image: "registry.fly.io/catwalk-mcp-host:1", region: "ams", cpus: 1, memoryMb: 512, startTimeoutMs: 10_000, ...extra });
}

function spec(env: Record<string, string> = { GITHUB_TOKEN: "ghp_flysecret_123456" }): RunSpec {
  return { deploymentId: `fly_${n++}`, runtime: "npm", package: "@modelcontextprotocol/server-everything", version: "2026.8.31", command: "npx", args: ["-y", "@modelcontextprotocol/server-everything", "stdio"], env };
}

async function failure(promise: Promise<unknown>): Promise<RuntimeError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RuntimeError);
  return error as RuntimeError;
}

beforeAll(async () => {
  fly = await startFakeFlyMachines({ token: TOKEN, app: APP, transitionMs: 100 });
});
afterAll(async () => fly.close());

describe("FlyRunner against a local Machines API", () => {
  it("creates a machine with the bridge command, waits for started, and returns the .internal endpoint", async () => {
    const r = runner();
    const s = spec();
    const handle = await r.start(s);
    expect(handle.endpoint).toBe(`http://${handle.id}.vm.${APP}.internal:8080/mcp`);
    expect(fly.machines.get(handle.id)?.state).toBe("started");
    expect(await r.status(s.deploymentId)).toMatchObject({ status: "running" });

    const create = fly.requests.find((q) => q.method === "POST" && q.path === `/v1/apps/${APP}/machines`);
    expect(create?.authorization).toBe(`Bearer ${TOKEN}`);
    const config = (create?.body as { config: { env: Record<string, string>; files: { guest_path: string; raw_value: string }[]; init: { cmd: string[] }; guest: unknown } }).config;
    expect(config.init.cmd.slice(0, 6)).toEqual(["node", "dist/host.mjs", "--host", "0.0.0.0", "--port", "8080"]);
    expect(config.init.cmd).toEqual(expect.arrayContaining(["--secret-env", "GITHUB_TOKEN", "--", "npx", "-y", "@modelcontextprotocol/server-everything@2026.8.31", "stdio"]));
    expect(config.guest).toEqual({ cpu_kind: "shared", cpus: 1, memory_mb: 512 });
    // the secret is delivered as a machine file, never as plain config.env, and never in the command line
    expect(JSON.stringify(config.env)).not.toContain("ghp_flysecret_123456");
    expect(JSON.stringify(config.init)).not.toContain("ghp_flysecret_123456");
    // readable by the image's non-root bridge user (Fly writes the files as root)
    expect(config.files).toEqual([{ guest_path: "/run/catwalk/env/GITHUB_TOKEN", raw_value: Buffer.from("ghp_flysecret_123456").toString("base64"), mode: 0o444 }]);
    expect(JSON.stringify(await r.logs(s.deploymentId))).not.toContain("ghp_flysecret_123456");
  });

  it("stops, starts again (wake) and destroys, following the machine's states", async () => {
    const r = runner();
    const s = spec();
    const { id } = await r.start(s);
    await r.stop(s.deploymentId);
    expect(fly.machines.get(id)?.state).toBe("stopped");
    expect(await r.status(s.deploymentId)).toMatchObject({ status: "stopped" });
    const again = await r.start(s);
    expect(again.id).toBe(id);
    expect(fly.machines.get(id)?.state).toBe("started");
    await r.destroy(s.deploymentId);
    expect(fly.machines.get(id)?.state).toBe("destroyed");
    expect(fly.requests.some((q) => q.method === "DELETE" && q.path.endsWith(`/machines/${id}?force=true`))).toBe(true);
    expect(await r.status(s.deploymentId)).toEqual({ status: "unknown" });
  });

  it("finds its machine again after an app restart (a new runner) through the machine metadata", async () => {
    const s = spec();
    const { id } = await runner().start(s);
    expect(await runner().status(s.deploymentId)).toMatchObject({ status: "running", handle: { id } });
  });

  it("maps a rejected token to provider_error", async () => {
    const error = await failure(runner({ token: "wrong" }).start(spec()));
    expect(error).toMatchObject({ code: "provider_error", message: "Fly API token rejected" });
  });

  it("maps 404 to not_found and 422 to invalid_spec with Fly's message", async () => {
    expect(await failure(runner({ app: "no-such-app" }).start(spec()))).toMatchObject({ code: "not_found" });
    fly.fail({ method: "POST", path: /\/machines$/, status: 422, body: { error: "invalid guest: memory_mb must be a multiple of 256" }, times: 1 });
    const error = await failure(runner().start(spec()));
    expect(error.code).toBe("invalid_spec");
    expect(error.message).toContain("memory_mb must be a multiple of 256");
  });

  it("honours Retry-After on 429 and succeeds when the limit clears", async () => {
    fly.fail({ method: "POST", path: /\/machines$/, status: 429, headers: { "retry-after": "1" }, body: { error: "rate limited" }, times: 1 });
    const began = Date.now();
    await runner().start(spec());
    expect(Date.now() - began).toBeGreaterThanOrEqual(900);
  });

  it("gives up on 429 with the wait in the message when Retry-After is too long", async () => {
    fly.fail({ method: "POST", path: /\/machines$/, status: 429, headers: { "retry-after": "120" }, times: 1 });
    const error = await failure(runner().start(spec()));
    expect(error).toMatchObject({ code: "provider_error", message: "Fly API rate limited, retry after 120 s" });
  });

  it("turns a slow API into provider_error instead of hanging", async () => {
    fly.fail({ method: "POST", path: /\/machines$/, status: 0, delayMs: 1500, times: 1 });
    const error = await failure(runner({ requestTimeoutMs: 300 }).start(spec()));
    expect(error.code).toBe("provider_error");
    expect(error.message).toMatch(/did not answer/);
  });

  it("refuses invalid specs before calling Fly", async () => {
    const before = fly.requests.length;
    const error = await failure(runner().start({ ...spec(), command: "bash", args: ["-c", "id"] }));
    expect(error.code).toBe("invalid_spec");
    expect(fly.requests.length).toBe(before);
  });
});
