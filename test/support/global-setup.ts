import { createFreshDatabase, dropDatabase, LOCAL_POSTGRES } from "./fresh-database";

/**
 * One fresh PostgreSQL database per test run, so runs never see each other's data. Uses TEST_DATABASE_SERVER_URL's
 * server when given (scripts/test.sh sets it from DATABASE_URL), else the local 127.0.0.1:5432.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const server = process.env.TEST_DATABASE_SERVER_URL ?? LOCAL_POSTGRES;
  const { name, url } = await createFreshDatabase(server, "catwalk_test");
  process.env.DATABASE_URL = url;
  process.env.CATWALK_TEST_DATABASE = name;
  return async () => {
    if (!process.env.CATWALK_KEEP_TEST_DATABASE) await dropDatabase(server, name);
  };
}
