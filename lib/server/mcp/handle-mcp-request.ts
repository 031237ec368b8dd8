import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { readBodyBytes } from "@/lib/server/http/read-json-body";
import { logger } from "@/lib/server/log";
import { authenticateMcpRequest } from "./authenticate-mcp-request";
import { corsHeaders, isOriginAllowed } from "./check-origin";
import { ensureRunning, forgetHandle } from "./ensure-running";
import { mcpErrorResponse } from "./mcp-error-response";
import { proxyToBridge } from "./proxy-to-bridge";
import { describeRpc, isRpcFailure, recordRequestStat } from "./record-request-stat";

/**
 * `/api/mcp/{deploymentId}`: authenticate, check Origin, cap the body, wake the deployment, stream the bridge's
 * answer back. Holds no MCP session state: the bridge owns sessions, so any app instance can serve any request.
 */
export async function handleMcpRequest(request: Request, deploymentId: string): Promise<Response> {
  const started = performance.now();
  const cors = corsHeaders(request);
  if (!isOriginAllowed(request)) return mcpErrorResponse(403, "Origin not allowed for this endpoint.");
  const access = await authenticateMcpRequest(request, deploymentId).catch((error: unknown) => {
    logger.error("token check failed", { error });
    return undefined;
  });
  if (access === undefined) return mcpErrorResponse(503, "Catwalk cannot check tokens right now; try again shortly.", { headers: { "Retry-After": "5", ...cors } });
  if (!access) {
    return mcpErrorResponse(401, "Send this deployment's access token as `Authorization: Bearer <token>`.", {
      headers: { "WWW-Authenticate": 'Bearer realm="catwalk", error="invalid_token"', ...cors },
    });
  }

  let body: Buffer | undefined;
  let rpc = { method: request.method, tool: null as string | null };
  try {
    if (request.method === "POST") {
      body = await readBodyBytes(request, env.CATWALK_MAX_BODY_BYTES);
      rpc = describeRpc(body);
    }
    let response: Response;
    try {
      response = await proxyToBridge(request, await ensureRunning(deploymentId), body, cors);
    } catch (error) {
      if (error instanceof ApiError || request.signal.aborted) throw error;
      // The bridge went away (idle stop, crash, app restart): wake it once and retry with the same body.
      forgetHandle(deploymentId);
      response = await proxyToBridge(request, await ensureRunning(deploymentId), body, cors);
    }
    // A JSON answer is read here anyway (it is small and complete), so usage can count tool failures too; an event
    // stream passes through untouched and counts by its HTTP status.
    if ((response.headers.get("content-type") ?? "").includes("application/json") && response.body) {
      const text = await response.text();
      recordRequestStat({ deploymentId, ...rpc, status: response.status, rpcError: isRpcFailure(text), durationMs: Math.round(performance.now() - started) });
      return new Response(text, { status: response.status, headers: response.headers });
    }
    recordRequestStat({ deploymentId, ...rpc, status: response.status, rpcError: false, durationMs: Math.round(performance.now() - started) });
    return response;
  } catch (error) {
    const answer = toErrorResponse(error, cors);
    recordRequestStat({ deploymentId, ...rpc, status: answer.status, rpcError: false, durationMs: Math.round(performance.now() - started) });
    return answer;
  }
}

export function handleMcpPreflight(request: Request): Response {
  if (!isOriginAllowed(request)) return mcpErrorResponse(403, "Origin not allowed for this endpoint.");
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(request),
      "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID",
      "Access-Control-Max-Age": "600",
    },
  });
}

function toErrorResponse(error: unknown, cors: Record<string, string>): Response {
  if (error instanceof ApiError) {
    if (error.code === "payload_too_large") return mcpErrorResponse(413, error.message, { headers: cors });
    if (error.code === "not_found") return mcpErrorResponse(404, error.message, { headers: cors });
    return mcpErrorResponse(503, error.message, { headers: { "Retry-After": "5", ...cors, ...error.headers } });
  }
  const requestId = randomUUID();
  logger.error("MCP proxy failed", { requestId, error });
  return mcpErrorResponse(502, `The MCP server could not be reached (request ${requestId}).`, { headers: cors });
}
