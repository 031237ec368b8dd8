import "server-only";
import { getKeyring } from "@/lib/server/crypto/keyring";
import { decryptSecret, encryptSecret } from "@/lib/server/crypto/secret-box";

/**
 * What Deployment.encryptedEnv holds: every env value and every required CLI argument sealed with the deployment id
 * as associated data, plus the names the user added by hand. Values are never stored or returned in the clear.
 */
export type StoredCredentials = {
  env: Record<string, string>;
  args: string[];
  extra: { name: string; secret: boolean }[];
};

export type PlainCredentials = { env: Record<string, string>; args: string[]; extra: { name: string; secret: boolean }[] };

/** One value sealed under the newest key, bound to its deployment. */
export function sealValue(deploymentId: string, value: string): string {
  return encryptSecret(getKeyring(), value, deploymentId);
}

export function sealCredentials(deploymentId: string, plain: PlainCredentials): StoredCredentials {
  return {
    env: Object.fromEntries(Object.entries(plain.env).map(([name, value]) => [name, sealValue(deploymentId, value)])),
    args: plain.args.map((value) => sealValue(deploymentId, value)),
    extra: plain.extra,
  };
}

/** Only on the way to the runner: the plaintext lives in memory for as long as the start takes. */
export function openCredentials(deploymentId: string, stored: StoredCredentials): PlainCredentials {
  const keyring = getKeyring();
  return {
    env: Object.fromEntries(Object.entries(stored.env).map(([name, sealed]) => [name, decryptSecret(keyring, sealed, deploymentId)])),
    args: stored.args.map((sealed) => decryptSecret(keyring, sealed, deploymentId)),
    extra: stored.extra,
  };
}

export function readStoredCredentials(value: unknown): StoredCredentials {
  const v = (value ?? {}) as Partial<StoredCredentials>;
  return { env: v.env ?? {}, args: v.args ?? [], extra: v.extra ?? [] };
}
