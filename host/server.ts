/** Wires the pieces together: one server process, the session store, the router and the HTTP listener. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ChildSupervisor } from "./child";
import { HttpError, checkHeaders, sendHttpError, sendJson } from "./http-util";
import { createLogger, type Logger } from "./log";
import { handleDelete, handleGet, handlePost, type Endpoint } from "./mcp-endpoint";
import { ErrorCode } from "./protocol";
import { Router } from "./router";
import { readSecretFiles, type SecretFile } from "./secret-files";
import { SessionStore } from "./sessions";

export type HostOptions = {
  host: string;
  port: number;
  command: string;
  args: string[];
  /** names of env vars whose values never appear in logs */
  secretEnv: string[];
  /** env vars for the server read from files at start; their values never appear in logs either */
  secretFiles: SecretFile[];
  bodyLimit: number;
  allowedOrigins: string[];
  allowedHosts: string[];
  initTimeoutMs: number;
  /** stop when the process that started the bridge is gone (the local runner's app), so nothing outlives it */
  exitWithParent?: boolean;
};

export type RunningHost = { host: string; port: number; logger: Logger; stop(): Promise<void> };

export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

/** Throws SecretFileError, before anything is started, when a secret file cannot be read. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const fileEnv = readSecretFiles(options.secretFiles);
  const secrets = [...options.secretEnv.map((name) => process.env[name] ?? ""), ...Object.values(fileEnv)];
  const logger = createLogger({ secrets });
  // The three pieces call each other; the callbacks below only run once the child has started (after `router`
  // exists), so they may name it before its declaration.
  const sessions = new SessionStore((session) => {
    router.sessionEnded(session);
    session.getStream?.close();
  });
  const child = new ChildSupervisor({
    command: options.command,
    args: options.args,
    env: { ...process.env, ...fileEnv },
    initTimeoutMs: options.initTimeoutMs,
    logger,
    onMessage: (m) => router.fromServer(m),
    onDown: (reason) => router.serverDown(reason),
  });
  const router = new Router({ write: (m) => child.write(m), sessions: () => sessions.all() });
  const endpoint: Endpoint = { router, sessions, child, bodyLimit: options.bodyLimit };
  const policy = { bindHost: options.host, allowedHosts: options.allowedHosts.map((h) => h.toLowerCase()), allowedOrigins: options.allowedOrigins };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") return health(req, res, child, sessions);
    if (path !== "/mcp") return sendJson(res, 404, { error: { code: "not_found", message: "Not found: the MCP endpoint is /mcp" } });
    const refused = checkHeaders(req, policy);
    if (refused) throw refused;
    if (req.method === "POST") return handlePost(req, res, endpoint);
    if (req.method === "GET") return handleGet(req, res, endpoint);
    if (req.method === "DELETE") return handleDelete(req, res, endpoint);
    throw new HttpError(405, ErrorCode.ServerError, "Method Not Allowed", { allow: "GET, POST, DELETE" });
  };
  const server = createServer({ noDelay: true, keepAlive: true }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendHttpError(res, error);
      logger.log("system", `request failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      sendHttpError(res, new HttpError(500, ErrorCode.InternalError, "Internal error"));
    });
  });
  // Idle keep-alive sockets outlive typical proxy idle timeouts (60 s) so a busy client never races a close;
  // SSE streams are long-lived responses, so no per-request or socket inactivity timeout applies to them.
  server.keepAliveTimeout = 75_000;
  server.headersTimeout = 80_000;
  server.requestTimeout = 0;
  server.timeout = 0;

  child.start(); // before listen: the server boots while the socket opens
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    await child.stop();
    throw error;
  }
  const address = server.address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      server.close();
      sessions.close();
      await child.stop();
      server.closeAllConnections();
    })());
  return { host: options.host, port: address.port, logger, stop };
}

function health(req: IncomingMessage, res: ServerResponse, child: ChildSupervisor, sessions: SessionStore): void {
  if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: { code: "method_not_allowed", message: "GET only" } }, { allow: "GET" });
  const status = child.state === "ready" ? "ok" : child.state;
  const down = child.state === "failed" || child.state === "stopped";
  sendJson(res, down ? 503 : 200, { status, restarts: child.restarts, sessions: sessions.size });
}
