// Authors a new migration offline: `node scripts/new-migration.mjs <name>`.
// `node scripts/new-migration.mjs --check` exits 1 when schema.prisma and the migrations disagree.
// Prisma 7's `migrate dev` needs a native engine this machine cannot download, so Prisma 6 (installed as `prisma6`)
// diffs the committed migrations against schema.prisma through an in-memory PGlite and prints the SQL.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const name = process.argv[2];
const check = name === "--check";
if (!check && (!name || !/^[a-z0-9_]+$/.test(name))) {
  console.error("usage: node scripts/new-migration.mjs <snake_case_name>");
  process.exit(2);
}

// Prisma 6 insists on a datasource url; Prisma 7 forbids it in the schema. Diff a copy that has one.
const work = mkdtempSync(join(tmpdir(), "catwalk-migration-"));
const schema = readFileSync("prisma/schema.prisma", "utf8").replace(
  /datasource db \{\n  provider = "postgresql"\n\}/,
  'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://unused"\n}',
);
const schemaCopy = join(work, "schema.prisma");
writeFileSync(schemaCopy, schema);

const placeholder = process.execPath;
const result = spawnSync(
  "timeout",
  [
    "180",
    process.execPath,
    "node_modules/prisma6/build/index.js",
    "migrate",
    "diff",
    "--config",
    "scripts/migration-diff.config.ts",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    schemaCopy,
    "--script",
  ],
  {
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
    },
  },
);
const sql = result.stdout.trim();
if (!sql) {
  console.error(result.stderr || `prisma migrate diff exited with ${result.status}`);
  process.exit(3);
}
if (sql.includes("This is an empty migration")) {
  console.log("schema.prisma and prisma/migrations agree");
  process.exit(0);
}
if (check) {
  console.error(`schema.prisma has changes no migration covers:\n${sql}`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = join("prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql + "\n");
console.log(`wrote ${dir}/migration.sql`);
