// Runs `prisma generate`. Generation does not need Prisma's native engines, but the CLI tries to download them;
// on a machine that cannot reach Prisma's binary host, point it at placeholder files and try again.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);

// The CLI by path: `npx prisma` could pick the `prisma6` alias (kept for authoring migrations), which shares the bin name.
const run = (env) => spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let result = run(process.env);
if (result.status !== 0 && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  // Only the download failed: generation itself runs no engine, so any existing file satisfies the CLI's check.
  console.warn("prisma generate could not fetch its engines; retrying offline with placeholder binaries");
  result = run({
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? process.execPath,
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  });
}
process.stdout.write(result.stdout ?? "");
process.stderr.write(result.stderr ?? "");
process.exit(result.status ?? 1);
