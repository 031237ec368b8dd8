import { createApiKey } from "@/lib/server/auth/api-keys";
import { disconnectDb, getDb } from "@/lib/server/db/client";
import { parseFlags } from "../parse-flags";

export async function run(argv: string[]): Promise<number> {
  const { flags, positionals } = parseFlags(argv, ["email", "name"]);
  if (positionals[0] !== "create" || !flags.email) {
    console.error("usage: catwalk keys create --email E [--name N]");
    return 2;
  }
  try {
    const db = await getDb();
    const user = await db.user.findUnique({ where: { email: flags.email.trim().toLowerCase() }, select: { id: true } });
    if (!user) {
      console.error(`no user with email ${flags.email}; create one with: catwalk users create --email … --password …`);
      return 1;
    }
    const key = await createApiKey(user.id, { name: flags.name ?? "cli" });
    // The only time the key is shown: stdout alone, so `KEY=$(catwalk keys create …)` works.
    console.error(`created API key ${key.prefix}… for ${flags.email}; it is shown once:`);
    console.log(key.key);
    return 0;
  } finally {
    await disconnectDb();
  }
}
