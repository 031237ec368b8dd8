import "server-only";
import { env } from "@/lib/server/env";
import { requestOrigin } from "@/lib/server/http/request-origin";

/**
 * Browsers send Origin; a page on a foreign site must not drive a user's MCP server (DNS rebinding, CSRF). Allowed:
 * no Origin (native clients), the app's own origin, and CATWALK_ALLOWED_ORIGINS (for browser-based clients).
 */
export function isOriginAllowed(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const own = env.CATWALK_PUBLIC_URL ? new URL(env.CATWALK_PUBLIC_URL).origin : requestOrigin(request);
  return origin === own || env.CATWALK_ALLOWED_ORIGINS.includes(origin) || env.CATWALK_ALLOWED_ORIGINS.includes("*");
}

export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!origin || !env.CATWALK_ALLOWED_ORIGINS.length) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate",
    Vary: "Origin",
  };
}
