/** Starts the real bridge (bundled like production) as a separate process for tests and the bench. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));
export const EVERYTHING = join(root, "node_modules/@modelcontextprotocol/server-everything/dist/index.js");
export const everythingArgv = (): string[] => [process.execPath, EVERYTHING, "stdio"];

let bundle: Promise<string> | undefined;

/** Bundles host/main.ts the way scripts/build-cli.mjs does, into a private temp dir (other builds may be in flight). */
export function buildHost(): Promise<string> {
  bundle ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), "catwalk-host-")), "host.mjs");
    await build({ entryPoints: [join(root, "host/main.ts")], bundle: true, platform: "node", target: "node20", format: "esm", outfile, logLevel: "warning" });
    return outfile;
  })();
  return bundle;
}

export type Bridge = {
  proc: ChildProcess;
  port: number;
  url: string;
  /** stderr as parsed JSON log lines, accumulating */
  logs: Array<{ at: string; stream: string; line: string }>;
  /** SIGTERM and wait for exit; resolves with the exit code */
  stop(): Promise<number | null>;
};

export async function startBridge(options: { flags?: string[]; server: string[]; env?: Record<string, string> }): Promise<Bridge> {
  const host = await buildHost();
  const proc = spawn(process.execPath, [host, ...(options.flags ?? []), "--", ...options.server], {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Bridge["logs"] = [];
  let errBuf = "";
  proc.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    errBuf += chunk;
    const lines = errBuf.split("\n");
    errBuf = lines.pop() ?? "";
    for (const line of lines) if (line) logs.push(JSON.parse(line) as Bridge["logs"][number]);
  });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code, signal) => resolve(code ?? (console.error("bridge died of", signal, errBuf), null))));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    proc.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("\n")) resolve((JSON.parse(out.split("\n")[0]) as { port: number }).port);
    });
    exited.then((code) => reject(new Error(`bridge exited (${code}) before listening: ${errBuf}`)));
  });
  return {
    proc,
    port,
    url: `http://127.0.0.1:${port}/mcp`,
    logs,
    stop: async () => {
      if (proc.exitCode === null) proc.kill("SIGTERM");
      return exited;
    },
  };
}

type ProcInfo = { pid: number; ppid: number; pgid: number; state: string };

/** Every live process on this machine, from /proc (ppid and process group included). */
export function listProcesses(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // fields after the parenthesised command: state ppid pgrp …
      const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.push({ pid: Number(name), ppid: Number(ppid), pgid: Number(pgid), state });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** The bridge's server process (its direct child). */
export function serverPidOf(bridgePid: number): number | undefined {
  return listProcesses().find((p) => p.ppid === bridgePid && p.state !== "Z")?.pid;
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const INIT_BODY = (id: number | string = 1, protocolVersion = "2025-11-25"): string =>
  JSON.stringify({ jsonrpc: "2.0", id, method: "initialize", params: { protocolVersion, capabilities: {}, clientInfo: { name: "test", version: "1" } } });

export const JSON_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

/** Opens a session by raw HTTP; returns its id. */
export async function rawSession(url: string, protocolVersion = "2025-11-25"): Promise<string> {
  const res = await fetch(url, { method: "POST", headers: JSON_HEADERS, body: INIT_BODY(1, protocolVersion) });
  if (res.status !== 200) throw new Error(`initialize answered ${res.status}`);
  await res.text();
  return res.headers.get("mcp-session-id") ?? "";
}
