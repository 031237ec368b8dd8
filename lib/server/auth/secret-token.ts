import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer secrets (personal API keys, deployment access tokens): a readable prefix, 32 random bytes, and only a
 * SHA-256 stored. A fast hash is right here: the secret has 256 bits of entropy, so there is nothing to brute-force.
 */
export function newSecretToken(kind: "key" | "tok"): { token: string; prefix: string; hash: string } {
  const token = `cw_${kind}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 14), hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
