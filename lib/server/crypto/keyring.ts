import "server-only";
import { env } from "@/lib/server/env";
import { readOrCreateLocalSecret } from "@/lib/server/config/local-secret";
import { newKeyringEntry, parseKeyring, type Keyring } from "./secret-box";

let cached: Keyring | undefined;

/** The configured keys (newest first), or a development key generated once into the data folder. */
export function getKeyring(): Keyring {
  cached ??= parseKeyring(
    env.CATWALK_ENCRYPTION_KEYS ??
      readOrCreateLocalSecret({ dataDir: env.CATWALK_DATA_DIR, name: "encryption-keys", variable: "CATWALK_ENCRYPTION_KEYS", generate: () => newKeyringEntry("dev1") }),
  );
  return cached;
}
