// Config for scripts/new-migration.mjs: Prisma 6's JS engine with an in-memory PGlite adapter, so `migrate diff`
// between two datamodels runs without downloading a native engine.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter6";
import { defineConfig } from "prisma6/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "../prisma/schema.prisma",
  async adapter() {
    return new PrismaPGlite(new PGlite());
  },
});
