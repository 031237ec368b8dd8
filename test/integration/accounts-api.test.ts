import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startApp, type RunningApp } from "../support/start-app";
import { AppClient, uniqueEmail } from "../support/app-client";

let app: RunningApp;
let db: pg.Client;

beforeAll(async () => {
  app = await startApp();
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);

describe("health", () => {
  it("reports the real PostgreSQL database", async () => {
    const { status, body } = await new AppClient(app.url).json<{ status: string; database: { ok: boolean; kind: string } }>("/api/health");
    expect(status).toBe(200);
    expect(body.database).toMatchObject({ ok: true, kind: "postgresql" });
  });
});

describe("who may do what", () => {
  it("refuses the API without a session or key, in the error shape", async () => {
    const response = await new AppClient(app.url).request("/api/keys");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect((await response.json()).error).toMatchObject({ code: "unauthorized" });
    const wrongKey = await new AppClient(app.url, "cw_key_not-a-real-key").json("/api/keys");
    expect(wrongKey.status).toBe(401);
  });

  it("keeps user A out of user B's keys, by session and by API key", async () => {
    const alice = await new AppClient(app.url).signUp(uniqueEmail("alice"));
    const bob = await new AppClient(app.url).signUp(uniqueEmail("bob"));
    const bobKey = (await bob.json<{ key: { id: string; key: string } }>("/api/keys", { json: { name: "bob's laptop" } })).body.key;
    const aliceKey = (await alice.json<{ key: { id: string; key: string } }>("/api/keys", { json: { name: "alice ci" } })).body.key;

    for (const asAlice of [alice, alice.withApiKey(aliceKey.key)]) {
      const list = await asAlice.json<{ keys: { id: string; name: string }[] }>("/api/keys");
      expect(list.status).toBe(200);
      expect(list.body.keys.map((k) => k.name)).toEqual(["alice ci"]);
      const revoke = await asAlice.json<{ error: { code: string } }>(`/api/keys/${bobKey.id}`, { method: "DELETE" });
      expect(revoke.status).toBe(404);
      expect(revoke.body.error.code).toBe("not_found");
    }
    // Bob's key still works: Alice's attempts changed nothing.
    const bobByKey = await bob.withApiKey(bobKey.key).json<{ keys: { name: string; revokedAt: string | null }[] }>("/api/keys");
    expect(bobByKey.body.keys).toEqual([expect.objectContaining({ name: "bob's laptop", revokedAt: null })]);
  });

  it("stops accepting a key once it is revoked, and never shows the key again", async () => {
    const carol = await new AppClient(app.url).signUp(uniqueEmail("carol"));
    const { body } = await carol.json<{ key: { id: string; key: string } }>("/api/keys", { json: { name: "temp" } });
    const list = await carol.request("/api/keys");
    expect(await list.text()).not.toContain(body.key.key);
    expect((await carol.json(`/api/keys/${body.key.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await carol.withApiKey(body.key.key).json("/api/keys")).status).toBe(401);
  });
});

describe("bad input", () => {
  it("answers each malformed request with a 4xx in the error shape and writes nothing", async () => {
    const dave = await new AppClient(app.url).signUp(uniqueEmail("dave"));
    const usersBefore = await count("User");
    const keysBefore = await count("ApiKey");
    const cases: { path: string; init: Parameters<AppClient["request"]>[1]; status: number; code: string }[] = [
      { path: "/api/signup", init: { body: "{not json", headers: { "content-type": "application/json" } }, status: 400, code: "invalid_json" },
      { path: "/api/signup", init: { json: { email: 42, password: ["x"] } }, status: 422, code: "validation_failed" },
      { path: "/api/signup", init: { json: { email: uniqueEmail("x"), password: "long enough pw", admin: true } }, status: 422, code: "validation_failed" },
      { path: "/api/signup", init: { body: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } }, status: 415, code: "unsupported_media_type" },
      { path: "/api/signup", init: { json: { email: uniqueEmail("big"), password: "p".repeat(400_000) } }, status: 413, code: "payload_too_large" },
      { path: "/api/signup", init: { body: "", headers: { "content-type": "application/json" } }, status: 400, code: "invalid_json" },
    ];
    for (const c of cases) {
      const response = await new AppClient(app.url).json<{ error: { code: string; message: string } }>(c.path, c.init);
      expect({ path: c.path, status: response.status, code: response.body.error.code }).toEqual({ path: c.path, status: c.status, code: c.code });
      expect(response.body.error.message.length).toBeGreaterThan(10);
    }
    const unknownField = await dave.json<{ error: { fields: Record<string, string[]> } }>("/api/keys", { json: { name: "k", scope: "admin" } });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.fields[""]?.[0]).toContain("scope");
    const wrongType = await dave.json<{ error: { fields: Record<string, string[]> } }>("/api/keys", { json: { name: 7 } });
    expect(wrongType.body.error.fields.name).toBeDefined();
    expect(await count("User")).toBe(usersBefore);
    expect(await count("ApiKey")).toBe(keysBefore);
  });

  it("refuses a second account with the same email", async () => {
    const email = uniqueEmail("twice");
    await new AppClient(app.url).signUp(email);
    const again = await new AppClient(app.url).json<{ error: { code: string } }>("/api/signup", { json: { email, password: "another password" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
  });
});

describe("sign-in answers", () => {
  it("gives the same answer, in similar time, for a wrong password and an unknown email", async () => {
    const email = uniqueEmail("erin");
    await new AppClient(app.url).signUp(email);
    const attempt = async (e: string, p: string) => {
      const client = new AppClient(app.url);
      const started = performance.now();
      const signedIn = await client.signIn(e, p);
      return { signedIn, ms: performance.now() - started };
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      const w = await attempt(email, "not the password");
      const u = await attempt(uniqueEmail("nobody"), "not the password");
      expect(w.signedIn).toBe(false);
      expect(u.signedIn).toBe(false);
      wrong.push(w.ms);
      unknown.push(u.ms);
    }
    const ratio = median(wrong) / median(unknown);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
    expect((await attempt(email, "correct horse battery")).signedIn).toBe(true);
  });
});

describe("password guessing", () => {
  it("locks an account out from one address after 10 wrong passwords, but not its owner elsewhere", async () => {
    const email = uniqueEmail("guessed");
    await new AppClient(app.url).signUp(email, "the real password");
    const attacker = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < 10; i++) expect(await new AppClient(app.url).signIn(email, `guess ${i}`, attacker)).toBe(false);
    const blocked = new AppClient(app.url);
    expect(await blocked.signIn(email, "the real password", attacker)).toBe(false);
    expect(blocked.lastSignInError).toBe("TooManyAttempts");
    expect(await new AppClient(app.url).signIn(email, "the real password", { "x-forwarded-for": "198.51.100.2" })).toBe(true);
  });
});
