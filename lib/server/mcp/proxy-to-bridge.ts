import "server-only";
import type { RuntimeHandle } from "@/lib/server/runtime/runner";

// Only MCP's own headers cross: never the client's Authorization, cookies or Origin (the bridge checks Origin for
// DNS rebinding on its side; the app has already checked it here).
const forwardRequest = ["content-type", "accept", "mcp-session-id", "mcp-protocol-version", "last-event-id"];
const forwardResponse = ["content-type", "mcp-session-id", "mcp-protocol-version", "cache-control", "allow"];

/**
 * Sends one request to the bridge and hands its answer back as it arrives: an SSE body is streamed through
 * untouched, event by event. Throws (connection refused) when the bridge is gone, so the caller can wake it and retry.
 */
export async function proxyToBridge(request: Request, handle: RuntimeHandle, body: Buffer | undefined, extraHeaders: Record<string, string>): Promise<Response> {
  const headers = new Headers();
  for (const name of forwardRequest) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const upstream = await fetch(handle.endpoint, {
    method: request.method,
    headers,
    body: body && body.length ? new Uint8Array(body) : undefined,
    // Only a GET (the long-lived SSE stream) is cancelled with the client; a POST finishes at the server either way,
    // and deriving a signal per call costs measurable time on the hot path.
    signal: request.method === "GET" ? request.signal : undefined,
    redirect: "manual",
  });
  const responseHeaders = new Headers({ "X-Accel-Buffering": "no", ...extraHeaders });
  for (const name of forwardResponse) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
