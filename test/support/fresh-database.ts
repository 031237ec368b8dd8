import pg from "pg";

export const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * Creates an empty database on `serverUrl` (a URL to any database the user may connect to) and returns its URL in
 * the form Fly hands out (postgres://…?sslmode=disable), so that form is what tests and benchmarks run on.
 */
export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.protocol = "postgres:";
  url.pathname = `/${name}`;
  url.searchParams.set("sslmode", "disable");
  return { name, url: url.toString() };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
