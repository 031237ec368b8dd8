/** What happens around the server process: crashes, broken servers, shutdown, and what reaches the logs. */
import { describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { EVERYTHING, INIT_BODY, JSON_HEADERS, everythingArgv, listProcesses, serverPidOf, startBridge, waitFor } from "./testing/harness";

const health = async (port: number): Promise<{ code: number; status: string; restarts: number }> => {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { code: res.status, ...((await res.json()) as { status: string; restarts: number }) };
};

describe("bridge lifecycle", () => {
  it("restarts a killed server, fails the call that was in flight, and keeps the session working", async () => {
    const bridge = await startBridge({ server: everythingArgv() });
    try {
      const client = new Client({ name: "t", version: "1" });
      await client.connect(new StreamableHTTPClientTransport(new URL(bridge.url)));
      const firstPid = await waitFor(() => serverPidOf(bridge.proc.pid!));
      const slow = client.callTool({ name: "trigger-long-running-operation", arguments: { duration: 5, steps: 5 } });
      await new Promise((r) => setTimeout(r, 150));
      process.kill(firstPid, "SIGKILL");
      await expect(slow).rejects.toThrow(/server exited \(signal SIGKILL\)/);
      await waitFor(async () => (await health(bridge.port)).status === "ok" || undefined);
      expect((await health(bridge.port)).restarts).toBe(1);
      const again = await client.callTool({ name: "echo", arguments: { message: "still here" } });
      expect(JSON.stringify(again)).toContain("Echo: still here");
      expect(serverPidOf(bridge.proc.pid!)).not.toBe(firstPid);
      await client.close();
    } finally {
      await bridge.stop();
    }
  });

  it("gives up on a server that exits at once: health 503, initialize fails fast instead of hanging", async () => {
    const bridge = await startBridge({ server: [process.execPath, "-e", "process.exit(3)"] });
    try {
      const started = Date.now();
      const res = await fetch(bridge.url, { method: "POST", headers: JSON_HEADERS, body: INIT_BODY() });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/exited \(code 3\)/);
      expect(Date.now() - started).toBeLessThan(2_000);
      const h = await waitFor(async () => {
        const now = await health(bridge.port);
        return now.code === 503 ? now : undefined;
      }, 15_000);
      expect(h).toMatchObject({ status: "failed", restarts: 4 });
      expect(bridge.logs.some((l) => l.stream === "system" && /giving up/.test(l.line))).toBe(true);
    } finally {
      expect(await bridge.stop()).toBe(0);
    }
  });

  it("fails initialize with an error when the server never answers it", async () => {
    const bridge = await startBridge({ server: [process.execPath, "-e", "setInterval(() => {}, 1000)"], flags: ["--init-timeout", "400"] });
    try {
      const started = Date.now();
      const res = await fetch(bridge.url, { method: "POST", headers: JSON_HEADERS, body: INIT_BODY(), signal: AbortSignal.timeout(5_000) });
      expect(res.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(bridge.logs.map((l) => l.line).join("\n")).toMatch(/did not answer initialize within 400 ms/);
    } finally {
      await bridge.stop();
    }
  });

  it("leaves no process behind after SIGTERM, including ones the server spawned", async () => {
    // The server starts a grandchild that would outlive it, like npx does.
    const bridge = await startBridge({ server: ["sh", "-c", `sleep 300 & exec "${process.execPath}" "${EVERYTHING}" stdio`] });
    const serverPid = await waitFor(() => serverPidOf(bridge.proc.pid!));
    await waitFor(() => listProcesses().filter((p) => p.pgid === serverPid).length >= 2 || undefined);
    expect(await bridge.stop()).toBe(0);
    await waitFor(() => listProcesses().every((p) => p.pgid !== serverPid) || undefined, 5_000);
    expect(listProcesses().filter((p) => p.pgid === serverPid || p.ppid === bridge.proc.pid)).toEqual([]);
  });

  it("logs the server's stderr as JSON lines with secret values redacted, even when split across writes", async () => {
    const secret = "sk-live-4f9a2b7c1d";
    const script = [
      "const s = process.env.API_TOKEN;",
      "process.stderr.write('token is ' + s.slice(0, 6));",
      "setTimeout(() => process.stderr.write(s.slice(6) + ' (split)\\nplain line\\n'), 100);",
      "setInterval(() => {}, 1000);",
    ].join("\n");
    const bridge = await startBridge({ server: [process.execPath, "-e", script], env: { API_TOKEN: secret }, flags: ["--secret-env", "API_TOKEN", "--init-timeout", "5000"] });
    try {
      await waitFor(() => bridge.logs.some((l) => l.line === "plain line") || undefined);
      const stderr = bridge.logs.filter((l) => l.stream === "stderr");
      expect(stderr.map((l) => l.line)).toEqual(["token is [redacted] (split)", "plain line"]);
      expect(new Date(stderr[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(JSON.stringify(bridge.logs)).not.toContain(secret.slice(0, 10));
    } finally {
      await bridge.stop();
    }
  });
});
