/** POST/GET/DELETE on /mcp, per the Streamable HTTP transport of MCP 2025-03-26 … 2025-11-25. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, openSse, readBody, sendJson } from "./http-util";
import {
  ErrorCode,
  SUPPORTED_PROTOCOL_VERSIONS,
  errorBody,
  isRequest,
  isSupportedVersion,
  isValidMessage,
  progressTokenOf,
  type JsonRpcMessage,
} from "./protocol";
import type { Router } from "./router";
import type { Session, SessionStore } from "./sessions";
import type { ChildSupervisor } from "./child";

export type Endpoint = { router: Router; sessions: SessionStore; child: ChildSupervisor; bodyLimit: number };

const SSE_KEEPALIVE_MS = 20_000;

/**
 * A version header we do not speak is refused with a plain 400 and the generic server error code: a client that
 * knows both eras (2026-07-28 sessionless and 2025-era) reads that as "legacy server" and falls back to initialize.
 */
export function checkVersionHeader(req: IncomingMessage): void {
  const version = req.headers["mcp-protocol-version"];
  if (typeof version !== "string" || isSupportedVersion(version)) return;
  throw new HttpError(400, ErrorCode.ServerError, `Bad Request: Unsupported protocol version: ${version} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")})`);
}

function requireSession(req: IncomingMessage, sessions: SessionStore): Session {
  const id = req.headers["mcp-session-id"];
  if (typeof id !== "string" || id === "") throw new HttpError(400, ErrorCode.ServerError, "Bad Request: Mcp-Session-Id header is required");
  const session = sessions.get(id);
  if (!session) throw new HttpError(404, ErrorCode.SessionNotFound, "Session not found");
  return session;
}

function accepts(req: IncomingMessage): { json: boolean; sse: boolean } {
  const accept = (req.headers.accept ?? "").toLowerCase();
  if (accept === "" || accept.includes("*/*")) return { json: true, sse: true };
  return { json: accept.includes("application/json"), sse: accept.includes("text/event-stream") };
}

export async function handlePost(req: IncomingMessage, res: ServerResponse, ep: Endpoint): Promise<void> {
  const contentType = (req.headers["content-type"] ?? "").toLowerCase();
  if (!contentType.includes("application/json")) throw new HttpError(415, ErrorCode.ServerError, "Unsupported Media Type: Content-Type must be application/json");
  const accept = accepts(req);
  if (!accept.json && !accept.sse) throw new HttpError(406, ErrorCode.ServerError, "Not Acceptable: Accept must include application/json and text/event-stream");
  checkVersionHeader(req);
  const body = await readBody(req, ep.bodyLimit);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpError(400, ErrorCode.ParseError, "Parse error: body is not JSON");
  }
  const batch = Array.isArray(parsed);
  const messages = (batch ? parsed : [parsed]) as unknown[];
  if (messages.length === 0 || !messages.every(isValidMessage)) throw new HttpError(400, ErrorCode.InvalidRequest, "Invalid Request: not a JSON-RPC 2.0 message");
  const valid = messages as JsonRpcMessage[];

  if (valid.some((m) => m.method === "initialize")) {
    if (valid.length !== 1 || !isRequest(valid[0])) throw new HttpError(400, ErrorCode.InvalidRequest, "Invalid Request: initialize must be sent alone");
    return initialize(res, ep, valid[0], accept);
  }
  const session = requireSession(req, ep.sessions);
  const requests = valid.filter(isRequest);
  for (const m of valid) if (!isRequest(m)) ep.router.forwardFromClient(session, m);
  if (requests.length === 0) {
    res.writeHead(202).end();
    return;
  }
  if (ep.child.state === "failed") throw new HttpError(503, ErrorCode.InternalError, "MCP server failed to start and is not being restarted");
  // Streams only when there is something to stream: JSON is cheaper for clients to read than SSE.
  const wantsStream = requests.some((m) => progressTokenOf(m) !== undefined) || (needsRequestChannel(session) && requests.some((m) => m.method === "tools/call"));
  const useSse = accept.sse && (!accept.json || wantsStream);
  answer({ res, ep, session, requests, batch, useSse });
}

/** The server may ask this client something mid-call (sampling, elicitation) and it has no GET stream to hear it. */
function needsRequestChannel(session: Session): boolean {
  return (session.capabilities.sampling !== undefined || session.capabilities.elicitation !== undefined) && !session.getStream?.open;
}

function answer(o: { res: ServerResponse; ep: Endpoint; session: Session; requests: JsonRpcMessage[]; batch: boolean; useSse: boolean }): void {
  const { res, ep, session, requests } = o;
  const headers = { "mcp-session-id": session.id };
  let remaining = requests.length;
  const replies: JsonRpcMessage[] = [];
  const sse = o.useSse ? openSse(res, headers) : undefined;
  const reply = (message: JsonRpcMessage): void => {
    if (sse) sse.send(message);
    else replies.push(message);
    remaining -= 1;
    if (remaining > 0) return;
    if (sse) sse.close();
    else sendJson(res, 200, o.batch ? replies : replies[0], headers);
  };
  const ctx = { reply, notify: sse ? (m: JsonRpcMessage) => sse.send(m) : undefined };
  const forward = (): void => {
    for (const m of requests) ep.router.forwardRequest(session, m, ctx);
  };
  if (ep.child.state === "ready") return forward();
  // Starting or restarting: hold the request until the server is back, or answer with an error if it fails.
  ep.child.whenReady().then(forward, (error: Error) => {
    for (const m of requests) reply(errorBody(ErrorCode.InternalError, error.message, m.id ?? null));
  });
}

async function initialize(res: ServerResponse, ep: Endpoint, request: JsonRpcMessage, accept: { json: boolean; sse: boolean }): Promise<void> {
  if (ep.child.state === "failed") throw new HttpError(503, ErrorCode.InternalError, "MCP server failed to start and is not being restarted");
  try {
    await ep.child.whenReady();
  } catch (error) {
    sendJson(res, 503, errorBody(ErrorCode.InternalError, (error as Error).message, request.id ?? null));
    return;
  }
  const cached = ep.child.initializeResult ?? {};
  const requested = String(request.params?.protocolVersion ?? "");
  // The server was initialized once by the bridge; each session gets that answer in the version it asked for when
  // the bridge speaks it (the revisions differ in additions clients ignore), else in the server's own version.
  const protocolVersion = isSupportedVersion(requested) ? requested : String(cached.protocolVersion);
  const capabilities = (request.params?.capabilities ?? {}) as Record<string, unknown>;
  const session = ep.sessions.create({ protocolVersion, capabilities });
  const message: JsonRpcMessage = { jsonrpc: "2.0", id: request.id, result: { ...cached, protocolVersion } };
  const headers = { "mcp-session-id": session.id };
  if (accept.json) return sendJson(res, 200, message, headers);
  const sse = openSse(res, headers);
  sse.send(message);
  sse.close();
}

export function handleGet(req: IncomingMessage, res: ServerResponse, ep: Endpoint): void {
  if (!accepts(req).sse) throw new HttpError(406, ErrorCode.ServerError, "Not Acceptable: Accept must include text/event-stream");
  checkVersionHeader(req);
  const session = requireSession(req, ep.sessions);
  if (session.getStream?.open) throw new HttpError(409, ErrorCode.ServerError, "Conflict: this session already has a GET stream");
  const sse = openSse(res, { "mcp-session-id": session.id });
  session.getStream = sse;
  // Comments keep idle proxies (Fly's, the web app's) from closing a quiet stream.
  const keepalive = setInterval(() => sse.open && res.write(": keepalive\n\n"), SSE_KEEPALIVE_MS);
  res.on("close", () => {
    clearInterval(keepalive);
    if (session.getStream === sse) session.getStream = undefined;
  });
}

export function handleDelete(req: IncomingMessage, res: ServerResponse, ep: Endpoint): void {
  checkVersionHeader(req);
  const session = requireSession(req, ep.sessions);
  ep.sessions.end(session);
  sendJson(res, 200, {});
}
