import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRepository } from "../analyze-repository";
import { AnalysisError } from "../analysis-error";

let repo: string;
let head: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "catwalk-git-"));
  cpSync(join(process.cwd(), "fixtures", "repos", "python-notes"), repo, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, "-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-qm", "fixture");
  head = git("rev-parse", "HEAD").trim();
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("git source (shallow clone)", () => {
  it("clones a git URL, analyses it and reports the cloned commit", async () => {
    const result = await analyzeRepository(`file://${repo}`, { allowLocalPaths: true });
    expect(result.spec.package).toBe("mcp-server-notes");
    expect(result.commit).toBe(head);
    expect(result.spec.repository.commit).toBe(head);
  });

  it("says when there is no repository at the URL", async () => {
    const error = await analyzeRepository(`file://${repo}-missing`, { allowLocalPaths: true }).catch((e: unknown) => e as AnalysisError);
    expect(error).toBeInstanceOf(AnalysisError);
    expect(["not_found", "source_error"]).toContain((error as AnalysisError).code);
    expect((error as AnalysisError).message).toContain(`${repo}-missing`);
  });

  it("reads a local working copy directly, with its HEAD commit", async () => {
    const result = await analyzeRepository(repo, { allowLocalPaths: true });
    expect(result.commit).toBe(head);
  });
});
