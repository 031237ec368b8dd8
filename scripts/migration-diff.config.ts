// Config for authoring migration SQL offline with Prisma 6 (see scripts/new-migration.sh): it diffs
// prisma/migrations against the schema through an in-memory PGlite, so no native schema engine is needed.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter6";
import { defineConfig } from "prisma6/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "../prisma/schema.prisma",
  async adapter() {
    const adapter = new PrismaPGlite(new PGlite());
    return adapter;
  },
});
