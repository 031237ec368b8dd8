import "server-only";
import { isNamedError } from "@/lib/server/errors/is-named-error";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Credentials at rest: AES-256-GCM with a random 96-bit nonce per value and the deployment id as associated data,
 * so a ciphertext copied onto another deployment does not decrypt. Each value carries the id of its key, so keys
 * rotate: encrypt with the newest, decrypt with whichever the value names. Pure: keys come in as arguments.
 *
 * Format: `v1.<keyId>.<nonce>.<ciphertext>.<tag>` (base64url parts).
 */
export type Keyring = { id: string; key: Buffer }[];

export class KeyringError extends Error {
  /** See isNamedError: recognised across module copies. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, "KeyringError");
  }

  constructor(message: string) {
    super(message);
    this.name = "KeyringError";
  }
}

/** `id:base64key,id2:base64key`, newest first; each key must decode to exactly 32 bytes. */
export function parseKeyring(value: string): Keyring {
  const keyring = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded, ...rest] = part.split(":");
      if (!id || !encoded || rest.length || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
        throw new KeyringError("CATWALK_ENCRYPTION_KEYS must look like `k2:<base64 32 bytes>,k1:<base64 32 bytes>`");
      }
      const key = Buffer.from(encoded, "base64");
      if (key.length !== 32) throw new KeyringError(`CATWALK_ENCRYPTION_KEYS: key "${id}" is ${key.length} bytes, need 32 (openssl rand -base64 32)`);
      return { id, key };
    });
  if (!keyring.length) throw new KeyringError("CATWALK_ENCRYPTION_KEYS holds no key");
  if (new Set(keyring.map((k) => k.id)).size !== keyring.length) throw new KeyringError("CATWALK_ENCRYPTION_KEYS repeats a key id");
  return keyring;
}

export function newKeyringEntry(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

export function encryptSecret(keyring: Keyring, plaintext: string, associatedData: string): string {
  const { id, key } = keyring[0]!;
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", id, nonce.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function decryptSecret(keyring: Keyring, sealed: string, associatedData: string): string {
  const [version, keyId, nonce, ciphertext, tag] = sealed.split(".");
  if (version !== "v1" || !keyId || nonce === undefined || ciphertext === undefined || !tag) throw new KeyringError("not a sealed secret");
  const entry = keyring.find((k) => k.id === keyId);
  if (!entry) throw new KeyringError(`the key "${keyId}" this secret was sealed with is not in CATWALK_ENCRYPTION_KEYS`);
  const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(nonce, "base64url"));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new KeyringError("a sealed secret failed authentication (wrong key, wrong deployment, or tampered)");
  }
}

export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split(".")[1];
}
