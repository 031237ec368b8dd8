import { describe, expect, it } from "vitest";
import { analyzeRepository } from "./analyze-repository";
import { AnalysisError, type AnalysisErrorCode } from "./analysis-error";

async function failure(input: string, options: Parameters<typeof analyzeRepository>[1] = {}): Promise<AnalysisError> {
  const error = await analyzeRepository(input, options).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AnalysisError);
  return error as AnalysisError;
}

describe("bad input gives one clear, typed error", () => {
  const cases: [string, AnalysisErrorCode, RegExp][] = [
    ["", "invalid_url", /Enter a repository URL/],
    ["definitely not a url", "invalid_url", /is not a URL/],
    ["https://", "invalid_url", /not a valid URL/],
    ["npm:Not A Package!", "invalid_url", /not an npm package name/],
    ["https://example.com/some/page", "unsupported_host", /cannot read repositories from example\.com/],
    ["git@github.com:acme/weather.git", "unsupported_host", /https:\/\/ URL/],
    ["https://github.com/acme", "invalid_url", /owner and a repository/],
    ["/etc", "invalid_url", /only be analysed from the command line/],
    ["file:///etc", "unsupported_host", /command line/],
  ];
  for (const [input, code, message] of cases) {
    it(`${JSON.stringify(input)} → ${code}`, async () => {
      const error = await failure(input);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });
  }

  it("refuses git URLs aimed at loopback and private addresses", async () => {
    for (const url of ["http://127.0.0.1:9/acme/repo.git", "http://localhost/acme/repo.git", "https://10.1.2.3/acme/repo.git", "https://[::1]/r.git", "https://169.254.169.254/latest.git"]) {
      const error = await failure(url);
      expect(error.code, url).toBe("private_address");
    }
  });

  it("refuses npm and PyPI registries on private addresses too", async () => {
    expect((await failure("npm:some-mcp", { npmRegistryUrl: "http://192.168.1.10" })).code).toBe("private_address");
    expect((await failure("pypi:some-mcp", { pypiUrl: "http://127.0.0.1:1" })).code).toBe("private_address");
  });

  it("reports a local directory that does not exist", async () => {
    const error = await failure("./no/such/dir", { allowLocalPaths: true });
    expect(error.code).toBe("not_found");
  });
});
