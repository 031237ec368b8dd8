import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL from here for CLI commands; the app builds its own adapter (lib/server/db).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://127.0.0.1:5432/catwalk" },
});
