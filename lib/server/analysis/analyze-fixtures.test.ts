import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeRepository } from "./analyze-repository";
import { AnalysisError } from "./analysis-error";

type Expected = {
  shape: string;
  subfolder?: string;
  error?: string;
  runtime?: string;
  package?: string;
  command?: string;
  args_contain?: string[];
  env?: { name: string; required: boolean; secret: boolean; group?: string }[];
  args_required?: string[];
};

const root = join(process.cwd(), "fixtures", "repos");
const fixtures = readdirSync(root).filter((d) => existsSync(join(root, d, "expected.json")));

describe("heuristic analysis of the fixture repositories (one per server shape)", () => {
  it("covers every shape the issue asks for", () => {
    const shapes = fixtures.map((f) => (JSON.parse(readFileSync(join(root, f, "expected.json"), "utf8")) as Expected).shape);
    for (const shape of ["npm server", "Python server", "Docker-only server", "monorepo subfolder", "server.json present", "smithery.yaml present", "README-only configuration", "zero credentials", "optional-only credentials", "either/or credentials", "CLI-argument configuration", "misleading README", "no MCP server"]) {
      expect(shapes.some((s) => s.startsWith(shape))).toBe(true);
    }
  });

  for (const fixture of fixtures) {
    const expected = JSON.parse(readFileSync(join(root, fixture, "expected.json"), "utf8")) as Expected;
    const dir = join(root, fixture, expected.subfolder ?? "");
    it(`${fixture}: ${expected.shape}`, async () => {
      const started = performance.now();
      if (expected.error) {
        const error = await analyzeRepository(dir, { allowLocalPaths: true }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AnalysisError);
        expect((error as AnalysisError).code).toBe(expected.error);
        return;
      }
      const { spec } = await analyzeRepository(dir, { allowLocalPaths: true });
      expect(performance.now() - started).toBeLessThan(2000);
      expect({ runtime: spec.runtime, package: spec.package, command: spec.command }).toEqual({
        runtime: expected.runtime,
        package: expected.package,
        command: expected.command,
      });
      // The launch argv must actually name the package, or the runner would start something else.
      expect(spec.args.join(" ")).toContain(spec.package);
      for (const arg of expected.args_contain ?? []) expect(spec.args).toContain(arg);
      const got = spec.env.map((e) => ({ name: e.name, required: e.required, secret: e.secret, ...(e.group ? { group: e.group } : {}) }));
      const want = (expected.env ?? []).map((e) => ({ ...e }));
      expect(got.sort((a, b) => a.name.localeCompare(b.name))).toEqual(want.sort((a, b) => a.name.localeCompare(b.name)));
      expect((spec.args_required ?? []).map((a) => a.name).sort()).toEqual([...(expected.args_required ?? [])].sort());
      expect(spec.analyzer).toBe("heuristic");
      expect(spec.evidence.length).toBeGreaterThan(0);
      for (const e of spec.evidence) expect(existsSync(join(dir, e.file)) || e.file === "package").toBe(true);
    });
  }
});
