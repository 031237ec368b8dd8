import "server-only";

/**
 * A short-lived, per-process memory of which token hashes open which deployment, so the MCP hot path does not hit
 * the database on every call. Revoking a token or deleting a deployment clears it here at once; another app
 * instance may accept a revoked token for at most `ttlMs`.
 */
export type McpAccess = { tokenId: string; deploymentId: string };
type CachedAccess = McpAccess & { expires: number };

const ttlMs = 5_000;
const holder = globalThis as typeof globalThis & { __catwalkAccess?: Map<string, CachedAccess> };
const byHash = (holder.__catwalkAccess ??= new Map());

export function readCachedAccess(tokenHash: string): McpAccess | undefined {
  const entry = byHash.get(tokenHash);
  if (!entry) return undefined;
  if (entry.expires < Date.now()) {
    byHash.delete(tokenHash);
    return undefined;
  }
  return entry;
}

export function cacheAccess(tokenHash: string, access: McpAccess): void {
  if (byHash.size > 10_000) byHash.clear();
  byHash.set(tokenHash, { ...access, expires: Date.now() + ttlMs });
}

export function forgetEndpointCache(deploymentId: string): void {
  for (const [hash, entry] of byHash) if (entry.deploymentId === deploymentId) byHash.delete(hash);
}
