import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { EVERYTHING, buildHost } from "./testing/harness";

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));

describe("--exit-with-parent", () => {
  it("stops the bridge and its server when the parent is killed outright", async () => {
    const host = await buildHost();
    // A parent that starts the bridge, reports the pids, then dies by SIGKILL (no chance to clean up).
    const script = `
      const { spawn } = require("node:child_process");
      const b = spawn(process.execPath, [${JSON.stringify(host)}, "--exit-with-parent", "--", process.execPath, ${JSON.stringify(EVERYTHING)}, "stdio"], { stdio: ["ignore", "pipe", "ignore"], detached: true });
      b.stdout.once("data", () => { console.log(JSON.stringify({ bridge: b.pid })); setTimeout(() => process.kill(process.pid, "SIGKILL"), 300); });
    `;
    const parent = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "ignore"] });
    const line = await new Promise<string>((resolve) => parent.stdout.once("data", (d) => resolve(String(d))));
    const bridge = (JSON.parse(line) as { bridge: number }).bridge;
    const children = () => readFileSync("/proc/" + bridge + "/task/" + bridge + "/children", "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    await new Promise((r) => setTimeout(r, 200));
    const server = children()[0]!;
    expect(alive(server)).toBe(true);
    await new Promise((r) => parent.once("exit", r));
    const deadline = Date.now() + 5_000;
    while ((alive(bridge) || alive(server)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect({ bridge: alive(bridge), server: alive(server) }).toEqual({ bridge: false, server: false });
  }, 30_000);
});
