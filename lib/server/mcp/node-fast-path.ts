import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { once } from "node:events";
import { Readable } from "node:stream";
import { logger } from "@/lib/server/log";
import { handleMcpPreflight, handleMcpRequest } from "./handle-mcp-request";
import { mcpErrorResponse } from "./mcp-error-response";

type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

const ENDPOINT = /^\/api\/mcp\/([A-Za-z0-9_-]{1,64})\/?(?:\?.*)?$/;

/**
 * MCP calls are the hot path, and Next's router costs more per call than everything Catwalk does for one (about
 * 1.5 ms of 3.5 ms measured on the bench). scripts/start.mjs hands `/api/mcp/{id}` requests to this function before
 * Next sees them; it runs the very same handler as the route (app/api/mcp/[deploymentId]/route.ts), which stays as
 * the path for `next dev` and anything this function declines. Installed from the server's own startup code, so
 * there is one copy of every module and its state.
 */
export function installMcpFastPath(): void {
  const fastPath: FastPath = (req, res) => {
    const match = ENDPOINT.exec(req.url ?? "");
    if (!match) return false;
    void serve(req, res, match[1]!);
    return true;
  };
  (globalThis as typeof globalThis & { __catwalkMcpFastPath?: FastPath }).__catwalkMcpFastPath = fastPath;
}

async function serve(req: IncomingMessage, res: ServerResponse, deploymentId: string): Promise<void> {
  // Only the long-lived GET stream needs to learn that its client left; a signal per POST costs measurable time.
  let signal: AbortSignal | undefined;
  if (req.method === "GET") {
    const aborted = new AbortController();
    res.once("close", () => aborted.abort());
    signal = aborted.signal;
  }
  try {
    const request = toWebRequest(req, signal);
    const response = req.method === "OPTIONS" ? handleMcpPreflight(request) : await handleMcpRequest(request, deploymentId);
    await writeResponse(response, res);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    logger.error("MCP fast path failed", { error });
    await writeResponse(mcpErrorResponse(500, "Catwalk failed to handle this request."), res);
  }
}

function toWebRequest(req: IncomingMessage, signal: AbortSignal | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const withBody = req.method === "POST";
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body: withBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal,
    // Node's fetch Request needs this for a streamed body; the type lacks it.
    ...(withBody ? ({ duplex: "half" } as object) : {}),
  });
}

/**
 * An event stream goes out chunk by chunk as it arrives (SSE events are never held back); any other answer is
 * read whole and written with its headers in one go, which saves a write per call.
 */
async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers = Object.fromEntries(response.headers);
  if (!response.body) return void res.writeHead(response.status, headers).end();
  if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    const body = Buffer.from(await response.arrayBuffer());
    return void res.writeHead(response.status, { ...headers, "content-length": String(body.length) }).end(body);
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  for await (const chunk of response.body) {
    if (res.destroyed) break;
    if (!res.write(chunk)) await once(res, "drain");
  }
  res.end();
}
