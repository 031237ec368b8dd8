import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { startApp } from "../support/start-app";
import { AppClient, uniqueEmail } from "../support/app-client";

describe("a fresh machine with no configuration", () => {
  it("starts the standalone build on an embedded database, and a restart keeps the data", async () => {
    const email = uniqueEmail("first");
    const first = await startApp({ inheritDatabase: false, env: {} });
    try {
      const health = await new AppClient(first.url).json<{ database: { kind: string } }>("/api/health");
      expect(health.body.database.kind).toBe("pglite");
      await new AppClient(first.url).signUp(email, "my first password");
      // The generated development secrets live in the data folder, not in the code.
      expect(readdirSync(first.dataDir)).toEqual(expect.arrayContaining(["pglite", "nextauth.secret"]));
    } finally {
      await first.stop();
    }

    const second = await startApp({ inheritDatabase: false, env: {}, dataDir: first.dataDir });
    try {
      expect(await new AppClient(second.url).signIn(email, "my first password")).toBe(true);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it("refuses to start with a malformed setting and names it", async () => {
    await expect(startApp({ inheritDatabase: false, env: { DATABASE_URL: "mysql://nope" } })).rejects.toThrow(/DATABASE_URL/);
  }, 60_000);
});
