import { applyMigrations } from "@/lib/server/db/apply-migrations";
import { migrationsDir } from "@/lib/server/db/client";
import { openDatabase } from "@/lib/server/db/open-database";
import { env } from "@/lib/server/env";

export async function run(argv: string[]): Promise<number> {
  if (argv[0] !== "migrate") {
    console.error("usage: catwalk db migrate");
    return 2;
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.CATWALK_DATA_DIR });
  try {
    const applied = await applyMigrations(database, migrationsDir());
    console.log(applied.length ? `applied ${applied.join(", ")} on ${database.location}` : `database at ${database.location} is up to date`);
    return 0;
  } finally {
    await database.close();
  }
}
