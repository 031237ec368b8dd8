import "server-only";

/** An HTTP error with a JSON-RPC error body, as MCP clients expect from a Streamable HTTP endpoint. */
export function mcpErrorResponse(status: number, message: string, options: { code?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(
    { jsonrpc: "2.0", error: { code: options.code ?? -32000, message }, id: null },
    { status, headers: { "Cache-Control": "no-store", ...options.headers } },
  );
}
