import "server-only";
import { getDb } from "@/lib/server/db/client";
import { hashSecretToken } from "@/lib/server/auth/secret-token";
import { cacheAccess, readCachedAccess, type McpAccess } from "./endpoint-cache";

const lastUsedWrites = new Map<string, number>();

/**
 * The deployment's own, unrevoked access token in `Authorization: Bearer …`, or null. A token of another deployment
 * is refused exactly like a wrong one. A session id is never authentication.
 */
export async function authenticateMcpRequest(request: Request, deploymentId: string): Promise<McpAccess | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) return null;
  const hash = hashSecretToken(match[1]!);
  const cached = readCachedAccess(hash);
  if (cached) return cached.deploymentId === deploymentId ? cached : null;

  const db = await getDb();
  const token = await db.accessToken.findUnique({
    where: { hash },
    select: { id: true, deploymentId: true, revokedAt: true },
  });
  if (!token || token.revokedAt) return null;
  const access: McpAccess = { tokenId: token.id, deploymentId: token.deploymentId };
  cacheAccess(hash, access);
  // lastUsedAt at minute resolution: one write per token per minute, not per call.
  if (Date.now() - (lastUsedWrites.get(token.id) ?? 0) > 60_000) {
    lastUsedWrites.set(token.id, Date.now());
    await db.accessToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return token.deploymentId === deploymentId ? access : null;
}
