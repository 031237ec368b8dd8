import "server-only";
import { join } from "node:path";
import { env } from "@/lib/server/env";
import { appRoot } from "@/lib/server/config/app-root";
import { PrismaClient } from "./generated/client";
import { applyMigrations } from "./apply-migrations";
import { openDatabase, type OpenDatabase } from "./open-database";

/** Fields that hold secrets are never selected unless a query asks for them by name. */
const omit = { user: { passwordHash: true }, deployment: { encryptedEnv: true } } as const;

function createClient(database: OpenDatabase) {
  return new PrismaClient({ adapter: database.adapter, omit });
}

export type Db = ReturnType<typeof createClient>;

type Connected = { db: Db; database: OpenDatabase };

// One client per process, kept on globalThis so Next's dev reloads don't open a second PGlite on the same folder.
const holder = globalThis as unknown as { __catwalkDb?: Promise<Connected> };

export function migrationsDir(): string {
  return join(appRoot(), "prisma", "migrations");
}

/** The Prisma client, connected and migrated (pending migrations are applied on first use, on either database). */
export async function getDb(): Promise<Db> {
  return (await connect()).db;
}

/** The raw connection under the client, for health checks. */
export async function getDatabase(): Promise<OpenDatabase> {
  return (await connect()).database;
}

function connect(): Promise<Connected> {
  holder.__catwalkDb ??= (async () => {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.CATWALK_DATA_DIR });
    try {
      await applyMigrations(database, migrationsDir());
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
    return { db: createClient(database), database };
  })().catch((error: unknown) => {
    // A failed connection must not be cached forever: the next request tries again (the database may come back).
    holder.__catwalkDb = undefined;
    throw error;
  });
  return holder.__catwalkDb;
}

export async function disconnectDb(): Promise<void> {
  const pending = holder.__catwalkDb;
  holder.__catwalkDb = undefined;
  if (!pending) return;
  const { db, database } = await pending;
  await db.$disconnect();
  await database.close();
}
