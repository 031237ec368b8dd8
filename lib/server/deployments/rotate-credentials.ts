import "server-only";
import { getDb } from "@/lib/server/db/client";
import { getKeyring } from "@/lib/server/crypto/keyring";
import { decryptSecret, encryptSecret, sealedKeyId } from "@/lib/server/crypto/secret-box";
import { readStoredCredentials } from "./stored-credentials";

export type RotationResult = { deployments: number; values: number; failed: { deploymentId: string; reason: string }[] };

/**
 * Re-seals every stored credential under the newest key in CATWALK_ENCRYPTION_KEYS, one deployment per write. A
 * deployment whose values no configured key opens is reported and left as it is (the others still move), so a
 * missing old key is noticed before it is removed for good.
 */
export async function rotateCredentials(): Promise<RotationResult> {
  const keyring = getKeyring();
  const newest = keyring[0]!.id;
  const db = await getDb();
  const rows = await db.deployment.findMany({ select: { id: true, encryptedEnv: true } });
  const result: RotationResult = { deployments: 0, values: 0, failed: [] };
  for (const row of rows) {
    const stored = readStoredCredentials(row.encryptedEnv);
    let moved = 0;
    const reseal = (sealed: string) => {
      if (sealedKeyId(sealed) === newest) return sealed;
      moved++;
      return encryptSecret(keyring, decryptSecret(keyring, sealed, row.id), row.id);
    };
    try {
      const env = Object.fromEntries(Object.entries(stored.env).map(([name, sealed]) => [name, reseal(sealed)]));
      const args = stored.args.map(reseal);
      if (!moved) continue;
      await db.deployment.update({ where: { id: row.id }, data: { encryptedEnv: { ...stored, env, args } } });
      result.deployments++;
      result.values += moved;
    } catch (error) {
      result.failed.push({ deploymentId: row.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
