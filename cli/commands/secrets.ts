import { disconnectDb } from "@/lib/server/db/client";
import { rotateCredentials } from "@/lib/server/deployments/rotate-credentials";

export async function run(argv: string[]): Promise<number> {
  if (argv[0] !== "rotate") {
    console.error("usage: catwalk secrets rotate   (after putting a new key first in CATWALK_ENCRYPTION_KEYS)");
    return 2;
  }
  try {
    const { deployments, values } = await rotateCredentials();
    console.log(`re-encrypted ${values} value(s) in ${deployments} deployment(s) under the newest key; older keys can now be removed`);
    return 0;
  } finally {
    await disconnectDb();
  }
}
