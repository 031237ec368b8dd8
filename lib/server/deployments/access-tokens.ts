import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/http/api-error";
import { newSecretToken } from "@/lib/server/auth/secret-token";
import type { createAccessTokenSchema, AccessTokenView } from "@/lib/schemas/deployment";
import { forgetEndpointCache } from "@/lib/server/mcp/endpoint-cache";
import { getDeploymentOrThrow } from "./get-deployment-or-throw";

const fields = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

function view(t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): AccessTokenView {
  return { ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null };
}

export async function listAccessTokens(userId: string, deploymentId: string): Promise<AccessTokenView[]> {
  await getDeploymentOrThrow(userId, deploymentId);
  const db = await getDb();
  return (await db.accessToken.findMany({ where: { deploymentId }, select: fields, orderBy: { createdAt: "desc" } })).map(view);
}

/** The token is returned once; only its SHA-256 is stored. */
export async function createAccessToken(userId: string, deploymentId: string, input: z.output<typeof createAccessTokenSchema>) {
  await getDeploymentOrThrow(userId, deploymentId);
  const { token, prefix, hash } = newSecretToken("tok");
  const db = await getDb();
  const record = await db.accessToken.create({ data: { deploymentId, name: input.name, prefix, hash }, select: fields });
  return { ...view(record), token };
}

export async function revokeAccessToken(userId: string, deploymentId: string, tokenId: string): Promise<void> {
  await getDeploymentOrThrow(userId, deploymentId);
  const db = await getDb();
  const { count } = await db.accessToken.updateMany({ where: { id: tokenId, deploymentId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new ApiError("not_found", "No active token with this id on this deployment.");
  forgetEndpointCache(deploymentId);
}
