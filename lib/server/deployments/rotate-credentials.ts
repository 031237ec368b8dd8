import "server-only";
import { getDb } from "@/lib/server/db/client";
import { getKeyring } from "@/lib/server/crypto/keyring";
import { decryptSecret, encryptSecret, sealedKeyId } from "@/lib/server/crypto/secret-box";
import { readStoredCredentials } from "./stored-credentials";

/**
 * Re-seals every stored credential under the newest key in CATWALK_ENCRYPTION_KEYS, one deployment per
 * transaction. Afterwards the older keys can be removed from the setting. Returns how many values moved.
 */
export async function rotateCredentials(): Promise<{ deployments: number; values: number }> {
  const keyring = getKeyring();
  const newest = keyring[0]!.id;
  const db = await getDb();
  const rows = await db.deployment.findMany({ select: { id: true, encryptedEnv: true } });
  let deployments = 0;
  let values = 0;
  for (const row of rows) {
    const stored = readStoredCredentials(row.encryptedEnv);
    const reseal = (sealed: string) => {
      if (sealedKeyId(sealed) === newest) return sealed;
      values++;
      return encryptSecret(keyring, decryptSecret(keyring, sealed, row.id), row.id);
    };
    const before = values;
    const env = Object.fromEntries(Object.entries(stored.env).map(([name, sealed]) => [name, reseal(sealed)]));
    const args = stored.args.map(reseal);
    if (values === before) continue;
    await db.deployment.update({ where: { id: row.id }, data: { encryptedEnv: { ...stored, env, args } } });
    deployments++;
  }
  return { deployments, values };
}
