import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
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
  const folder = resolve(/* turbopackIgnore: true */ dataDir, "pglite");
  // PGlite does not create its data folder itself.
  mkdirSync(folder, { recursive: true });
  const releaseLock = lockFolder(folder);
  let client;
  try {
    client = await PGlite.create(folder);
  } catch (error) {
    releaseLock();
    throw error;
  }
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
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is one process per data folder: a second one (the CLI while the app runs) would corrupt it. A lock file
 * names the holder by pid and start time (pids repeat, in containers especially); a stale one is taken over.
 */
function lockFolder(folder: string): () => void {
  const lock = join(folder, "catwalk.lock");
  const me = processIdentity(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, me, { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readFileSync(lock, "utf8").trim();
      const pid = Number(holder.split(":")[0]);
      if (pid && processIdentity(pid) === holder) {
        throw new Error(`the embedded database in ${folder} is in use by process ${pid} (is Catwalk running?); stop it first, or use PostgreSQL via DATABASE_URL`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not lock the embedded database in ${folder}`);
}

/** `pid:starttime` from /proc, or just the pid where /proc is missing; "" for a process that does not exist. */
function processIdentity(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return `${pid}:${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}`;
  } catch {
    try {
      process.kill(pid, 0);
      return String(pid);
    } catch {
      return "";
    }
  }
}
