// Runs `prisma generate`. Generation does not need Prisma's native schema engine, but the CLI tries to download it;
// on a machine that cannot reach Prisma's binary host, point it at a placeholder file and try again.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);

const run = (env) => spawnSync("npx", ["prisma", "generate"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let result = run(process.env);
if (result.status !== 0 && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  console.warn("prisma generate could not fetch the schema engine; retrying offline with a placeholder binary");
  result = run({ ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
}
process.stdout.write(result.stdout ?? "");
process.stderr.write(result.stderr ?? "");
process.exit(result.status ?? 1);
