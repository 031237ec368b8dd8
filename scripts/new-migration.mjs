// Migration SQL, authored offline with Prisma 6 (installed as `prisma6`): Prisma 7's `migrate dev` needs a native
// engine this machine cannot download, while Prisma 6's JS engine can diff two datamodels with no database at all.
//   node scripts/new-migration.mjs <name>          diff the last committed schema.prisma (git HEAD) against the
//                                                  working copy and write prisma/migrations/<stamp>_<name>/
//   node scripts/new-migration.mjs --full          print the SQL that creates the whole current schema from nothing
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function diffSchemas({ from, to }) {
  const work = mkdtempSync(join(tmpdir(), "catwalk-migration-"));
  const args = ["migrate", "diff", "--config", "scripts/migration-diff.config.ts"];
  if (from === null) args.push("--from-empty");
  else args.push("--from-schema-datamodel", writeForPrisma6(work, "from.prisma", from));
  args.push("--to-schema-datamodel", writeForPrisma6(work, "to.prisma", to), "--script");
  const result = spawnSync("timeout", ["180", process.execPath, "node_modules/prisma6/build/index.js", ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      // Placeholders: the diff runs in Prisma's wasm engine; these only stop the CLI from downloading binaries.
      PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? process.execPath,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    },
  });
  const sql = result.stdout.trim();
  if (!sql) throw new Error(result.stderr || `prisma migrate diff exited with ${result.status}`);
  return sql.includes("This is an empty migration") ? "" : sql;
}

// Prisma 6 insists on a datasource url; Prisma 7 forbids it in the schema. Diff copies that have one.
function writeForPrisma6(dir, name, schema) {
  const path = join(dir, name);
  writeFileSync(path, schema.replace(/(datasource db \{\s*provider\s*=\s*"postgresql")/, '$1\n  url = "postgresql://unused"'));
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2];
  const current = readFileSync("prisma/schema.prisma", "utf8");
  if (name === "--full") {
    console.log(diffSchemas({ from: null, to: current }));
  } else if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: node scripts/new-migration.mjs <snake_case_name> | --full");
    process.exit(2);
  } else {
    const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
    const sql = diffSchemas({ from: committed, to: current });
    if (!sql) {
      console.log("no changes to schema.prisma since the last commit");
      process.exit(0);
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql + "\n");
    console.log(`wrote ${dir}/migration.sql`);
  }
}
