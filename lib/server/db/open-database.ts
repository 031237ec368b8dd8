import "server-only";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaPGlite } from "pglite-prisma-adapter";

export type SqlConnection = {
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
};

/** A raw connection to either database, enough for migrations and health checks, plus Prisma's adapter for it. */
export type OpenDatabase = {
  kind: "postgresql" | "pglite";
  /** where the data lives, for messages: host/dbname or a folder; never includes a password */
  location: string;
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** runs `fn` on one connection (session-level locks need that) */
  withConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T>;
  adapter: PrismaPg | PrismaPGlite;
  close(): Promise<void>;
};

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<OpenDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPostgres(databaseUrl: string): Promise<OpenDatabase> {
  const { Pool } = await import("pg");
  const { PrismaPg: Adapter } = await import("@prisma/adapter-pg");
  // pg understands both postgres:// and postgresql:// and the sslmode parameter (Fly hands out sslmode=disable).
  const pool = new Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that errors (database restarted) must not crash the app; the next query reconnects.
  pool.on("error", () => {});
  const url = new URL(databaseUrl);
  return {
    kind: "postgresql",
    location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <Row,>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as Row[],
    withConnection: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <Row,>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
        });
      } finally {
        client.release();
      }
    },
    adapter: new Adapter(pool),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite: Adapter } = await import("pglite-prisma-adapter");
  const folder = resolve(dataDir, "pglite");
  // PGlite does not create its data folder itself.
  mkdirSync(folder, { recursive: true });
  const client = await PGlite.create(folder);
  const connection: SqlConnection = {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <Row,>(sql: string, params?: unknown[]) => (await client.query<Row>(sql, params)).rows,
  };
  return {
    kind: "pglite",
    location: folder,
    ...connection,
    withConnection: (fn) => fn(connection),
    adapter: new Adapter(client),
    close: () => client.close(),
  };
}
