import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "./open-database";
import { applyMigrations } from "./apply-migrations";

const migrationsDir = join(process.cwd(), "prisma", "migrations");

describe("applyMigrations", () => {
  it("creates every table on PostgreSQL (postgres://…?sslmode=disable) and is idempotent", async () => {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "unused" });
    try {
      await applyMigrations(db, migrationsDir);
      expect(await applyMigrations(db, migrationsDir)).toEqual([]);
      const tables = await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
      const names = tables.map((t) => t.tablename);
      for (const table of ["User", "Deployment", "AccessToken", "ApiKey", "DeploymentEvent", "LogLine", "RequestStat", "Analysis"]) {
        expect(names).toContain(table);
      }
    } finally {
      await db.close();
    }
  });

  it("migrates a fresh embedded database and keeps its data across a reopen", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "catwalk-pglite-"));
    const first = await openDatabase({ dataDir });
    expect(await applyMigrations(first, migrationsDir)).not.toEqual([]);
    await first.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'a@example.com', now())`);
    await first.close();

    const second = await openDatabase({ dataDir });
    // A second process on the same folder would corrupt it; a second open is refused while the first holds it.
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process/);
    try {
      expect(await applyMigrations(second, migrationsDir)).toEqual([]);
      expect(await second.query(`SELECT email FROM "User"`)).toEqual([{ email: "a@example.com" }]);
    } finally {
      await second.close();
    }
  }, 60_000);
});
