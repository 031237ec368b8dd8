import "server-only";
import type { z } from "zod";
import type { createApiKeySchema } from "@/lib/schemas/account";
import { getDb } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/http/api-error";
import { hashSecretToken, newSecretToken } from "./secret-token";


const publicFields = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Creates a personal API key; the returned `key` is the only time the secret exists outside the caller's hands. */
export async function createApiKey(userId: string, input: z.output<typeof createApiKeySchema>) {
  const db = await getDb();
  const { token, prefix, hash } = newSecretToken("key");
  const record = await db.apiKey.create({ data: { userId, name: input.name, prefix, hash }, select: publicFields });
  return { ...record, key: token };
}

export async function listApiKeys(userId: string) {
  const db = await getDb();
  return db.apiKey.findMany({ where: { userId }, select: publicFields, orderBy: { createdAt: "desc" } });
}

export async function revokeApiKey(userId: string, id: string) {
  const db = await getDb();
  const { count } = await db.apiKey.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new ApiError("not_found", "No active API key with this id.");
}

/** The user an `Authorization: Bearer cw_key_…` header belongs to, or null. */
export async function authenticateApiKey(token: string): Promise<{ id: string } | null> {
  const db = await getDb();
  const key = await db.apiKey.findUnique({ where: { hash: hashSecretToken(token) }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } });
  if (!key || key.revokedAt) return null;
  // lastUsedAt at minute resolution: one write per key per minute, not per request.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: key.userId };
}
