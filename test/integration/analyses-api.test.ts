import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startApp, type RunningApp } from "../support/start-app";
import { AppClient, uniqueEmail } from "../support/app-client";
import { startFakeGitHub } from "../fakes/github-api-server";

let app: RunningApp;
let github: Awaited<ReturnType<typeof startFakeGitHub>>;
let db: pg.Client;

beforeAll(async () => {
  github = await startFakeGitHub({ repos: { "acme/weather": "fixtures/repos/npm-weather" } });
  app = await startApp({ env: { GITHUB_API_URL: github.url, CATWALK_ALLOW_PRIVATE_NETWORK_SOURCES: "true" } });
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
  await github?.close();
});

const analyses = async () => Number((await db.query(`SELECT count(*) AS n FROM "Analysis"`)).rows[0].n);

describe("POST /api/analyses", () => {
  it("analyses a GitHub repository, streams progress, and serves the stored result back", async () => {
    const user = await new AppClient(app.url).signUp(uniqueEmail("analyst"));
    const response = await user.request("/api/analyses", { json: { source: "https://github.com/acme/weather" }, headers: { accept: "text/event-stream" } });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await response.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({ event: m[1], data: JSON.parse(m[2]!) }));
    expect(events.filter((e) => e.event === "progress").map((e) => e.data.stage)).toEqual(expect.arrayContaining(["fetching", "detecting", "done"]));
    const result = events.find((e) => e.event === "result")!.data.analysis;
    expect(result.spec).toMatchObject({ runtime: "npm", package: "@acme/weather-mcp" });
    expect(result.spec.env.map((e: { name: string }) => e.name)).toContain("WEATHER_API_KEY");

    const again = await user.json<{ analysis: { id: string } }>(`/api/analyses/${result.id}`);
    expect(again.body.analysis.id).toBe(result.id);
    const stranger = await new AppClient(app.url).signUp(uniqueEmail("stranger"));
    expect((await stranger.json(`/api/analyses/${result.id}`)).status).toBe(404);
  });

  it("answers bad sources with a field error on `source` and stores nothing", async () => {
    const user = await new AppClient(app.url).signUp(uniqueEmail("typo"));
    const before = await analyses();
    for (const source of ["not a url at all", "https://gitlab.example.invalid:99999/x", "https://github.com/acme/does-not-exist", "ftp://example.com/repo.git"]) {
      const { status, body } = await user.json<{ error: { code: string; message: string; fields?: Record<string, string[]> } }>("/api/analyses", { json: { source } });
      expect({ source, status }).toEqual({ source, status: 422 });
      expect(body.error.fields?.source?.[0]).toBeTruthy();
    }
    expect(await analyses()).toBe(before);
  });
});
