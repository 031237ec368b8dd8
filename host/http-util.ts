/** Small HTTP pieces for the bridge: guarded body reading, JSON answers, SSE channels, Host/Origin checks. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode, errorBody, type JsonRpcMessage } from "./protocol";
import type { Channel } from "./sessions";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendHttpError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, errorBody(error.code, error.message), error.headers);
}

/** Reads the body, refusing more than `limit` bytes without buffering them. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = (): HttpError => new HttpError(413, ErrorCode.InvalidRequest, `Request body exceeds ${limit} bytes`, { connection: "close" });
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > limit) {
    req.resume(); // drain rather than reset, so the client reads our 413 instead of a broken pipe
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Opens an SSE response. Every event is written at once; nothing is buffered between the server and the client. */
export function openSse(res: ServerResponse, headers: Record<string, string> = {}): Channel {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache, no-transform",
    "x-accel-buffering": "no", // tells nginx-style proxies not to buffer the stream
    ...headers,
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  let open = true;
  res.on("close", () => (open = false));
  return {
    get open() {
      return open && !res.writableEnded;
    },
    send(message: JsonRpcMessage) {
      if (open && !res.writableEnded) res.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
    },
    close() {
      open = false;
      if (!res.writableEnded) res.end();
    },
  };
}

export type HeaderPolicy = { bindHost: string; allowedHosts: string[]; allowedOrigins: string[] };

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host.startsWith("127.");
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith("[")) return hostHeader.slice(0, hostHeader.indexOf("]") + 1);
  const colon = hostHeader.lastIndexOf(":");
  return colon === -1 ? hostHeader : hostHeader.slice(0, colon);
}

/**
 * DNS-rebinding guard. A page on evil.example that resolves to 127.0.0.1 reaches us with its own Host and Origin,
 * so on loopback only loopback names pass; bound to all interfaces (Fly) any Host passes unless a list is given.
 */
export function checkHeaders(req: IncomingMessage, policy: HeaderPolicy): HttpError | undefined {
  const host = (req.headers.host ?? "").toLowerCase();
  const name = hostnameOf(host);
  const listed = policy.allowedHosts.some((h) => h === host || h === name);
  const hostOk = policy.allowedHosts.length > 0 ? listed || (isLoopback(policy.bindHost) && LOOPBACK_NAMES.has(name)) : isLoopback(policy.bindHost) ? LOOPBACK_NAMES.has(name) : true;
  if (!hostOk) return new HttpError(403, ErrorCode.ServerError, `Forbidden: Host ${JSON.stringify(host)} is not allowed`);

  const origin = req.headers.origin;
  if (origin === undefined || policy.allowedOrigins.includes("*")) return undefined;
  const normalized = origin.toLowerCase().replace(/\/+$/, "");
  if (policy.allowedOrigins.some((o) => o.toLowerCase().replace(/\/+$/, "") === normalized)) return undefined;
  try {
    const url = new URL(normalized);
    if ((url.protocol === "http:" || url.protocol === "https:") && LOOPBACK_NAMES.has(url.hostname)) return undefined;
  } catch {
    // an unparsable Origin (including "null") is not an allowed one
  }
  return new HttpError(403, ErrorCode.ServerError, `Forbidden: Origin ${JSON.stringify(origin)} is not allowed`);
}
