import "server-only";
import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Readable } from "node:stream";
import type { RuntimeHandle } from "@/lib/server/runtime/runner";

// Only MCP's own headers cross: never the client's Authorization, cookies or Origin (the bridge checks Origin for
// DNS rebinding on its side; the app has already checked it here).
const forwardRequest = ["content-type", "accept", "mcp-session-id", "mcp-protocol-version", "last-event-id"];
const forwardResponse = ["content-type", "mcp-session-id", "mcp-protocol-version", "cache-control", "allow"];

// Kept-alive connections to the bridges: a new TCP connection per MCP call would cost more than the call.
const agent = new Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 10_000 });

/**
 * Sends one request to the bridge and hands its answer back as it arrives: an SSE body is streamed through
 * untouched, event by event. Rejects (connection refused) when the bridge is gone, so the caller can wake it and
 * retry. Plain node:http rather than fetch: headers and body leave in one write, which is measurably cheaper.
 */
export function proxyToBridge(request: Request, handle: RuntimeHandle, body: Buffer | undefined, extraHeaders: Record<string, string>): Promise<Response> {
  const headers: Record<string, string> = {};
  for (const name of forwardRequest) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  if (body?.length) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(handle.endpoint, { method: request.method, headers, agent }, (incoming) => {
      const responseHeaders = new Headers({ "X-Accel-Buffering": "no", ...extraHeaders });
      for (const name of forwardResponse) {
        const value = headerValue(incoming.headers, name);
        if (value !== undefined) responseHeaders.set(name, value);
      }
      const status = incoming.statusCode ?? 502;
      const noBody = status === 204 || status === 304 || request.method === "HEAD";
      if (noBody) {
        incoming.resume();
        return resolve(new Response(null, { status, headers: responseHeaders }));
      }
      if ((headerValue(incoming.headers, "content-type") ?? "").includes("text/event-stream")) {
        return resolve(new Response(Readable.toWeb(incoming) as ReadableStream<Uint8Array>, { status, headers: responseHeaders }));
      }
      // A JSON answer is small and complete: gathered with plain Node streams, which cost far less than web streams.
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.once("end", () => resolve(new Response(Buffer.concat(chunks), { status, headers: responseHeaders })));
      incoming.once("error", reject);
    });
    outgoing.once("error", reject);
    // Only a GET (the long-lived SSE stream) is cancelled with its client; a POST finishes at the server either way.
    if (request.method === "GET") request.signal.addEventListener("abort", () => outgoing.destroy(), { once: true });
    outgoing.end(body?.length ? body : undefined);
  });
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
