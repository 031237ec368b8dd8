/**
 * Runs the stdio MCP server as one long-lived child in its own process group: frames its stdout into JSON-RPC
 * messages, performs the initialize handshake once on behalf of every session, and restarts it with backoff.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { LATEST_PROTOCOL_VERSION, type JsonRpcMessage } from "./protocol";
import { LineSplitter, type Logger } from "./log";

export type ChildState = "starting" | "ready" | "restarting" | "failed" | "stopped";

export type ChildOptions = {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  initTimeoutMs: number;
  logger: Logger;
  /** every message from the child except the answer to the bridge's own initialize */
  onMessage: (message: JsonRpcMessage) => void;
  /** the child is gone; whatever was in flight will never be answered */
  onDown: (reason: string) => void;
};

/** After this many attempts in a row that never completed initialize, the server is considered broken. */
const MAX_FAILED_STARTS = 5;
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 10_000;
/** A child that stayed up this long has its crash backoff forgiven. */
const STABLE_AFTER_MS = 30_000;
const STOP_GRACE_MS = 2_000;
/** Large enough for any message the HTTP side could have asked for (body limit) plus the server's own answers. */
const MAX_MESSAGE_CHARS = 512 * 1024 * 1024;

type Waiter = { resolve: () => void; reject: (error: Error) => void };
type Proc = ChildProcessByStdio<Writable, Readable, Readable>;

export class ChildSupervisor {
  state: ChildState = "starting";
  restarts = 0;
  /** the server's answer to initialize, replayed to every session */
  initializeResult: Record<string, unknown> | undefined;
  private proc: Proc | undefined;
  private attempt = 0;
  private failedStarts = 0;
  private crashes = 0;
  private readyAt = 0;
  private waiters: Waiter[] = [];
  private restartTimer: NodeJS.Timeout | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly options: ChildOptions) {}

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  start(): void {
    this.attempt += 1;
    const attempt = this.attempt;
    const { command, args, logger } = this.options;
    let proc: Proc;
    try {
      // detached: its own process group, so stopping it also ends whatever it spawned (npx → node, uvx → python).
      proc = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"], detached: true, env: this.options.env });
    } catch (error) {
      this.fail(attempt, `could not start ${command}: ${(error as Error).message}`);
      return;
    }
    this.proc = proc;
    let resolveExited = (): void => {};
    this.exited = new Promise((r) => (resolveExited = r));
    logger.log("system", `started ${command} (pid ${proc.pid ?? "?"})`);

    proc.stdin.on("error", () => {}); // EPIPE after the child died is reported through "exit"
    proc.stderr.setEncoding("utf8");
    const errLines = new LineSplitter((line) => logger.log("stderr", line));
    proc.stderr.on("data", (chunk: string) => errLines.push(chunk));
    proc.stderr.on("end", () => errLines.end());

    proc.stdout.setEncoding("utf8");
    const outLines = new LineSplitter((line) => this.onStdoutLine(attempt, line), MAX_MESSAGE_CHARS);
    proc.stdout.on("data", (chunk: string) => outLines.push(chunk));

    proc.on("error", (error) => {
      resolveExited();
      this.fail(attempt, `could not start ${command}: ${error.message}`);
    });
    proc.on("exit", (code, signal) => {
      resolveExited();
      killGroup(proc.pid, "SIGKILL"); // leftovers of the group must not outlive their leader
      if (this.state === "stopped") return;
      this.fail(attempt, `server exited (${signal ? `signal ${signal}` : `code ${code}`})`);
    });

    const timer = setTimeout(() => {
      if (attempt !== this.attempt || this.state === "ready") return;
      logger.log("system", `server did not answer initialize within ${this.options.initTimeoutMs} ms`);
      killGroup(proc.pid, "SIGKILL");
    }, this.options.initTimeoutMs);
    timer.unref();
    this.write({
      jsonrpc: "2.0",
      id: `catwalk-init-${attempt}`,
      method: "initialize",
      params: {
        protocolVersion: LATEST_PROTOCOL_VERSION,
        // Sampling and elicitation are routed to a session that declared them; roots are not offered because one
        // shared server cannot hold a different root list per session.
        capabilities: { sampling: {}, elicitation: {} },
        clientInfo: { name: "catwalk-host", version: "0.1.0" },
      },
    });
  }

  /** Resolves once the server has answered initialize; rejects if this attempt fails or the server is given up on. */
  whenReady(): Promise<void> {
    if (this.state === "ready") return Promise.resolve();
    if (this.state === "failed" || this.state === "stopped") return Promise.reject(new Error(`MCP server is ${this.state}`));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Sends one message to the server; false when it is not running. */
  write(message: JsonRpcMessage): boolean {
    const stdin = this.proc?.stdin;
    if (!stdin || stdin.destroyed) return false;
    stdin.write(JSON.stringify(message) + "\n");
    return true;
  }

  async stop(): Promise<void> {
    this.state = "stopped";
    clearTimeout(this.restartTimer);
    this.rejectWaiters(new Error("MCP host is stopping"));
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return killGroup(proc?.pid, "SIGKILL");
    proc.stdin.end();
    killGroup(proc.pid, "SIGTERM");
    const grace = new Promise<void>((r) => setTimeout(r, STOP_GRACE_MS).unref());
    await Promise.race([this.exited, grace]);
    killGroup(proc.pid, "SIGKILL");
    await this.exited;
  }

  private onStdoutLine(attempt: number, line: string): void {
    if (line.trim() === "") return;
    let message: JsonRpcMessage;
    try {
      message = JSON.parse(line) as JsonRpcMessage;
    } catch {
      this.options.logger.log("stdout", line); // a banner or stray print: not protocol, but worth seeing
      return;
    }
    if (message.id === `catwalk-init-${attempt}` && message.method === undefined) return this.onInitialized(attempt, message);
    this.options.onMessage(message);
  }

  private onInitialized(attempt: number, message: JsonRpcMessage): void {
    if (message.error || typeof message.result !== "object" || message.result === null) {
      this.options.logger.log("system", `server refused initialize: ${message.error?.message ?? "no result"}`);
      killGroup(this.proc?.pid, "SIGKILL");
      return;
    }
    this.initializeResult = message.result as Record<string, unknown>;
    this.write({ jsonrpc: "2.0", method: "notifications/initialized" });
    this.state = "ready";
    this.readyAt = Date.now();
    this.failedStarts = 0;
    this.options.logger.log("system", `server ready (attempt ${attempt})`);
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  private fail(attempt: number, reason: string): void {
    if (attempt !== this.attempt || this.state === "stopped" || this.state === "failed") return;
    if (this.restartTimer) return; // "error" and "exit" can both fire for one attempt
    const wasReady = this.state === "ready";
    this.options.logger.log("system", reason);
    this.options.onDown(reason);
    this.rejectWaiters(new Error(`MCP server ${reason}`));
    if (!wasReady) this.failedStarts += 1;
    if (this.failedStarts >= MAX_FAILED_STARTS) {
      this.state = "failed";
      this.options.logger.log("system", `giving up after ${this.failedStarts} failed starts`);
      return;
    }
    if (wasReady && Date.now() - this.readyAt > STABLE_AFTER_MS) this.crashes = 0;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.crashes);
    this.crashes += 1;
    this.state = "restarting";
    this.options.logger.log("system", `restarting in ${delay} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restarts += 1;
      this.start();
    }, delay);
  }

  private rejectWaiters(error: Error): void {
    for (const w of this.waiters.splice(0)) w.reject(error);
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}
