import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
// @ts-expect-error -- plain .mjs authoring script without type declarations
import { diffSchemas } from "../scripts/new-migration.mjs";

const migrationsDir = join(process.cwd(), "prisma", "migrations");

/** Tables, columns, indexes, constraints and enums of the public schema, in a comparable form. */
async function describeSchema(db: PGlite) {
  const rows = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows;
  return {
    columns: await rows(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`),
    indexes: await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`),
    constraints: await rows(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace ORDER BY conname`),
    enums: await rows(`SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, e.enumsortorder`),
  };
}

describe("prisma/migrations", () => {
  it("build exactly the database schema.prisma describes", async () => {
    const fromMigrations = new PGlite();
    for (const name of readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      await fromMigrations.exec(readFileSync(join(migrationsDir, name, "migration.sql"), "utf8"));
    }
    const fromSchema = new PGlite();
    await fromSchema.exec(diffSchemas({ from: null, to: readFileSync("prisma/schema.prisma", "utf8") }));

    const expected = await describeSchema(fromSchema);
    expect(expected.columns.length).toBeGreaterThan(40);
    expect(await describeSchema(fromMigrations)).toEqual(expected);
    await Promise.all([fromMigrations.close(), fromSchema.close()]);
  }, 200_000);
});
