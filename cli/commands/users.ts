import { createUserSchema } from "@/lib/schemas/account";
import { createUser } from "@/lib/server/auth/create-user";
import { disconnectDb } from "@/lib/server/db/client";
import { parseFlags } from "../parse-flags";

export async function run(argv: string[]): Promise<number> {
  const { flags, positionals } = parseFlags(argv, ["email", "password", "name"]);
  if (positionals[0] !== "create") {
    console.error("usage: catwalk users create --email E --password P [--name N]");
    return 2;
  }
  const parsed = createUserSchema.safeParse({ email: flags.email, password: flags.password, name: flags.name });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
    return 2;
  }
  try {
    const user = await createUser(parsed.data);
    console.log(`created user ${user.email} (${user.id})`);
    return 0;
  } finally {
    await disconnectDb();
  }
}
