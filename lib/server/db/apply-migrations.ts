import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { OpenDatabase, SqlConnection } from "./open-database";

/**
 * Applies committed migrations (prisma/migrations/<stamp>_<name>/migration.sql) in order and records each in
 * Prisma's own `_prisma_migrations` table, so `prisma migrate deploy` and this runner agree on what was applied.
 * Works on PostgreSQL and PGlite alike; on PostgreSQL an advisory lock keeps concurrent app instances from racing.
 */
export async function applyMigrations(database: OpenDatabase, migrationsDir: string): Promise<string[]> {
  const migrations = await listMigrations(migrationsDir);
  return database.withConnection((db) => applyOnConnection(db, database.kind === "postgresql", migrations));
}

type Migration = { name: string; sql: string; checksum: string };

async function applyOnConnection(db: SqlConnection, lock: boolean, migrations: Migration[]): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  if (lock) await db.query("SELECT pg_advisory_lock(724513)");
  try {
    const rows = await db.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const known = applied.get(migration.name);
      if (known !== undefined) {
        if (known !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await db.exec(`BEGIN;\n${migration.sql}\nCOMMIT;`).catch(async (error: unknown) => {
        await db.exec("ROLLBACK").catch(() => {});
        throw new Error(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  } finally {
    if (lock) await db.query("SELECT pg_advisory_unlock(724513)");
  }
}

async function listMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}
