import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "@/test/fakes/github-api-server";
import { analyzeRepository } from "../analyze-repository";
import type { AnalysisOptions } from "../analysis-options";
import { AnalysisError } from "../analysis-error";

const fixtures = join(process.cwd(), "fixtures", "repos");
let github: FakeGitHub;
let hugeDir: string;

const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as AnalysisError);

beforeAll(async () => {
  // A repository far beyond the limits: 6 000 source files plus a real server at the root.
  hugeDir = mkdtempSync(join(tmpdir(), "catwalk-huge-"));
  writeFileSync(join(hugeDir, "package.json"), JSON.stringify({ name: "huge-mcp", bin: "cli.js", dependencies: { "@modelcontextprotocol/sdk": "1" } }));
  for (let d = 0; d < 60; d++) {
    mkdirSync(join(hugeDir, "src", `m${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(join(hugeDir, "src", `m${d}`, `f${f}.ts`), `export const v${f} = process.env.HUGE_SETTING_${d}_${f};\n`);
  }
  github = await startFakeGitHub({
    repos: {
      "acme/weather": join(fixtures, "npm-weather"),
      "acme/servers": join(fixtures, "monorepo"),
      "acme/secret-server": join(fixtures, "python-notes"),
      "acme/slugify": join(fixtures, "no-mcp-library"),
      "acme/huge": hugeDir,
    },
    privateRepos: ["acme/secret-server"],
    token: "ghp_right",
  });
});

afterAll(async () => {
  await github?.close();
  rmSync(hugeDir, { recursive: true, force: true });
});

const viaFake = (extra: Partial<AnalysisOptions> = {}): Partial<AnalysisOptions> => ({ githubApiUrl: github.url, allowPrivateNetwork: true, ...extra });

describe("GitHub source (against a local server speaking the GitHub REST API)", () => {
  it("analyses a repository URL and pins the commit it read", async () => {
    const result = await analyzeRepository("https://github.com/acme/weather", viaFake());
    expect(result.spec.package).toBe("@acme/weather-mcp");
    expect(result.spec.env.map((e) => e.name)).toEqual(["WEATHER_API_KEY", "WEATHER_UNITS"]);
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(result.spec.repository).toEqual({ url: "https://github.com/acme/weather", commit: result.commit });
    expect(result.files).toContain("README.md");
  });

  it("reads only the subfolder of a /tree/<ref>/<folder> monorepo link", async () => {
    const result = await analyzeRepository("https://github.com/acme/servers/tree/main/servers/jira", viaFake());
    expect(result.spec.package).toBe("@acme/jira-mcp");
    expect(result.spec.repository.subfolder).toBe("servers/jira");
    expect(result.files.every((f) => !f.startsWith("servers/"))).toBe(true);
    expect(result.spec.env.map((e) => e.name)).not.toContain("CALENDAR_ICS_URL");
  });

  it("points at the server folders when given a monorepo root", async () => {
    const error = await errorOf(analyzeRepository("https://github.com/acme/servers", viaFake()));
    expect(error?.code).toBe("no_mcp_server");
    expect(error?.message).toContain("servers/jira");
  });

  it("says when a subfolder or branch does not exist", async () => {
    expect((await errorOf(analyzeRepository("https://github.com/acme/servers/tree/main/servers/nope", viaFake())))?.message).toContain('"servers/nope" does not exist');
    expect((await errorOf(analyzeRepository("https://github.com/acme/servers/tree/no-such-branch", viaFake())))?.code).toBe("not_found");
  });

  it("reports a nonexistent repository as not found or private", async () => {
    const error = await errorOf(analyzeRepository("https://github.com/acme/does-not-exist", viaFake()));
    expect(error?.code).toBe("not_found");
    expect(error?.message).toMatch(/not found on GitHub, or it is private/);
    expect(error?.message).toContain("GITHUB_TOKEN");
  });

  it("reads a private repository only with a token that can see it", async () => {
    const anonymous = await errorOf(analyzeRepository("https://github.com/acme/secret-server", viaFake()));
    expect(anonymous?.code).toBe("not_found");
    expect(anonymous?.message).toContain("private");
    const wrongToken = await errorOf(analyzeRepository("https://github.com/acme/secret-server", viaFake({ githubToken: "ghp_wrong" })));
    expect(wrongToken?.code).toBe("private_repository");
    const ok = await analyzeRepository("https://github.com/acme/secret-server", viaFake({ githubToken: "ghp_right" }));
    expect(ok.spec.package).toBe("mcp-server-notes");
  });

  it("reports an exhausted rate limit as such, with the reset time and the token hint", async () => {
    github.setRateLimited(true);
    try {
      const error = await errorOf(analyzeRepository("https://github.com/acme/weather", viaFake()));
      expect(error?.code).toBe("rate_limited");
      expect(error?.message).toMatch(/rate limit.*resets at \d{4}-\d\d-\d\dT.*GITHUB_TOKEN/s);
    } finally {
      github.setRateLimited(false);
    }
  });

  it("says when a repository holds no MCP server", async () => {
    const error = await errorOf(analyzeRepository("https://github.com/acme/slugify", viaFake()));
    expect(error?.code).toBe("no_mcp_server");
  });

  it("stays within the file limit on a huge repository and says so", async () => {
    const before = github.requests.length;
    const result = await analyzeRepository("https://github.com/acme/huge", viaFake({ maxFiles: 40 }));
    const contentReads = github.requests.slice(before).filter((r) => r.includes("/contents/")).length;
    expect(contentReads).toBeLessThanOrEqual(40);
    expect(result.files.length).toBeLessThanOrEqual(40);
    expect(result.warnings.join(" ")).toMatch(/skipped \d+ more/);
    expect(result.spec.package).toBe("huge-mcp");
  });

  it("refuses a GitHub API base on a loopback address unless private sources are allowed", async () => {
    const error = await errorOf(analyzeRepository("https://github.com/acme/weather", { githubApiUrl: github.url, allowPrivateNetwork: false }));
    expect(error?.code).toBe("private_address");
    expect(error?.message).toContain("CATWALK_ALLOW_PRIVATE_NETWORK_SOURCES");
  });

  it("gives up with a timeout error when the source is too slow", async () => {
    const error = await errorOf(analyzeRepository("https://github.com/acme/huge", viaFake({ timeoutMs: 30 })));
    expect(error?.code).toBe("timeout");
  });
});
