import { disconnectDb } from "@/lib/server/db/client";
import { rotateCredentials } from "@/lib/server/deployments/rotate-credentials";

export async function run(argv: string[]): Promise<number> {
  if (argv[0] !== "rotate") {
    console.error("usage: catwalk secrets rotate   (after putting a new key first in CATWALK_ENCRYPTION_KEYS)");
    return 2;
  }
  try {
    const { deployments, values, failed } = await rotateCredentials();
    console.log(`re-encrypted ${values} value(s) in ${deployments} deployment(s) under the newest key`);
    if (!failed.length) {
      console.log("every credential now uses the newest key; older keys can be removed from CATWALK_ENCRYPTION_KEYS");
      return 0;
    }
    for (const f of failed) console.error(`  ${f.deploymentId}: ${f.reason}`);
    console.error(`${failed.length} deployment(s) could not be re-encrypted: keep the old keys until they are fixed or deleted`);
    return 1;
  } finally {
    await disconnectDb();
  }
}
