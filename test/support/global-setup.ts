import pg from "pg";

/**
 * One fresh PostgreSQL database per test run, so runs never see each other's data. Uses DATABASE_URL's server when
 * given, else the local 127.0.0.1:5432. The URL handed to tests is in the form Fly gives out
 * (postgres://…?sslmode=disable), so that form is what the suite exercises.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const server = new URL(process.env.TEST_DATABASE_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const name = `catwalk_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const url = new URL(server.toString());
  url.protocol = "postgres:";
  url.pathname = `/${name}`;
  url.searchParams.set("sslmode", "disable");
  process.env.DATABASE_URL = url.toString();
  process.env.CATWALK_TEST_DATABASE = name;

  return async () => {
    if (process.env.CATWALK_KEEP_TEST_DATABASE) return;
    const cleanup = new pg.Client({ connectionString: server.toString() });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  };
}
