import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "@/cli/commands/analyze";

const fixture = (name: string) => join(process.cwd(), "fixtures", "repos", name);

describe("catwalk analyze (no database, no API key)", () => {
  afterEach(() => vi.restoreAllMocks());

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    return { out, err };
  }

  it("prints the result as JSON with --json", async () => {
    const { out } = capture();
    expect(await run([fixture("either-or-auth"), "--json", "--no-llm"])).toBe(0);
    const result = JSON.parse(out.join("\n")) as { spec: { package: string; env: { name: string; group?: string }[] }; files: string[] };
    expect(result.spec.package).toBe("@acme/wiki-mcp");
    expect(result.spec.env.filter((e) => e.group).map((e) => e.name)).toEqual(["WIKI_API_KEY", "WIKI_USERNAME", "WIKI_PASSWORD"]);
    expect(result.files).toContain("package.json");
  });

  it("prints a readable summary otherwise", async () => {
    const { out } = capture();
    expect(await run([fixture("cli-args-files"), "--no-llm"])).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("command    npx -y @acme/files-mcp");
    expect(text).toMatch(/arguments you supply\n\s+directory/);
  });

  it("exits 1 with the error code and message on analysis errors, 2 on usage errors", async () => {
    const { out, err } = capture();
    expect(await run([fixture("no-mcp-library"), "--json", "--no-llm"])).toBe(1);
    expect(JSON.parse(out.join("\n"))).toMatchObject({ error: { code: "no_mcp_server" } });
    expect(await run(["https://example.com/x", "--no-llm"])).toBe(1);
    expect(err.join("\n")).toMatch(/cannot read repositories from example\.com.*\(unsupported_host\)/);
    expect(await run([])).toBe(2);
  });
});
