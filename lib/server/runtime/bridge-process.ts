import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { LogBuffer } from "@/lib/server/runtime/log-buffer";

export type BridgeProcess = {
  child: ChildProcess;
  pid: number;
  /** resolves with the port once the bridge printed its `listening` line; rejects if it exits first */
  listening: Promise<number>;
  /** resolves when the bridge process is gone, with how it ended */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export type SpawnBridgeOptions = {
  /** working directory of the bridge and so of its server (the deployment's own folder when unsandboxed) */
  cwd?: string;
  bridgePath: string;
  /** the server command the bridge runs (argv, no shell) */
  command: string[];
  /** the complete environment of the bridge and, through it, the server */
  env: Record<string, string>;
  secretEnvNames: string[];
  /** further bridge options placed before `--` */
  extraArgs?: string[];
  logs: LogBuffer;
};

type BridgeLogLine = { at?: string; stream?: string; line?: string };

/** Starts `node <bridge> --host 127.0.0.1 --port 0 --secret-env … -- <command>` in its own process group. */
export function spawnBridge(options: SpawnBridgeOptions): BridgeProcess {
  const args = [options.bridgePath, "--host", "127.0.0.1", "--port", "0", "--exit-with-parent"];
  for (const name of options.secretEnvNames) args.push("--secret-env", name);
  args.push(...(options.extraArgs ?? []));
  args.push("--", ...options.command);
  // detached: its own process group, so stop() can signal the bridge and whatever it left behind in one go.
  // Cast: Next's type augmentation makes NODE_ENV mandatory in ProcessEnv, and the server must not get one forced on it.
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => {
      options.logs.push("system", `cannot start the bridge: ${error.message}`);
      resolve({ code: -1, signal: null });
    });
  });
  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const event = JSON.parse(line) as { event?: string; port?: number };
        if (event.event === "listening" && typeof event.port === "number") resolve(event.port);
      } catch {
        options.logs.push("stdout", line);
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`bridge exited (${signal ?? `code ${code}`}) before listening`)));
  });
  listening.catch(() => {}); // observed by the caller; avoid an unhandled rejection when nobody waits any more
  createInterface({ input: child.stderr! }).on("line", (raw) => {
    let parsed: BridgeLogLine | undefined;
    try {
      parsed = JSON.parse(raw) as BridgeLogLine;
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed.line === "string") {
      const stream = parsed.stream === "stderr" || parsed.stream === "stdout" ? parsed.stream : "system";
      const at = parsed.at ? new Date(parsed.at) : new Date();
      options.logs.push(stream, parsed.line, Number.isNaN(at.getTime()) ? new Date() : at);
    } else if (raw.trim()) {
      // The bridge's own crash output (a stack trace) is not JSON; keep it, redacted like everything else.
      options.logs.push("system", raw);
    }
  });
  return { child, pid: child.pid ?? -1, listening, exited };
}

type ProcInfo = { pid: number; ppid: number; pgid: number; start: string };

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces: parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z") return undefined; // a zombie is already dead; it only waits for its parent
    return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), start: fields[19] };
  } catch {
    return undefined;
  }
}

/** A process identity that survives pid reuse: pid plus its start time. */
export type ProcessIdentity = { pid: number; start: string };

/** The bridge and all its descendants right now (the server, bwrap, pasta…), found by walking /proc. */
export function processTree(rootPid: number): ProcessIdentity[] {
  const all: ProcInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProc(Number(entry));
    if (info) all.push(info);
  }
  const result: ProcessIdentity[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift() as number;
    const info = all.find((p) => p.pid === pid);
    if (!info) continue;
    result.push({ pid, start: info.start });
    for (const p of all) if (p.ppid === pid) queue.push(p.pid);
  }
  return result;
}

export function isAlive(proc: ProcessIdentity): boolean {
  return readProc(proc.pid)?.start === proc.start;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM the bridge (it takes its server down with it), then SIGKILL whatever of the original tree is still there
 * after the grace period: the bridge may itself be stuck, and a SIGKILLed bridge cannot clean up its child's group.
 */
export async function terminateTree(bridge: BridgeProcess, graceMs: number, known: ProcessIdentity[] = []): Promise<void> {
  const current = processTree(bridge.pid);
  const tree = [...current, ...known.filter((k) => !current.some((c) => c.pid === k.pid))];
  try {
    process.kill(bridge.pid, "SIGTERM");
  } catch {
    // already gone
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && tree.some(isAlive)) await sleep(25);
  const survivors = tree.filter(isAlive);
  for (const proc of survivors) {
    try {
      process.kill(proc.pid, "SIGKILL");
    } catch {
      // raced with its exit
    }
  }
  const killDeadline = Date.now() + 2000;
  while (Date.now() < killDeadline && tree.some(isAlive)) await sleep(25);
}
