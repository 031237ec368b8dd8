import "server-only";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AnalysisError } from "../analysis-error";
import { abortError } from "./http-get";
import { assertPublicAddress } from "./assert-public-address";
import { gitHead, readLocalSnapshot } from "./local-source";
import type { RepoSource, SourceContext } from "./repo-source";

/** Any git URL (GitLab, Codeberg, self-hosted, file:// in tests): a shallow clone into a temp folder, then read. */
export function createGitSource(url: string, options: { ref?: string; subfolder?: string } = {}): RepoSource {
  return {
    kind: "git",
    label: url,
    fetchSnapshot: async (context) => {
      const parsed = new URL(url);
      if (parsed.protocol !== "file:") await assertPublicAddress(parsed, context.options.allowPrivateNetwork);
      const dir = await mkdtemp(join(tmpdir(), "catwalk-clone-"));
      try {
        await clone(url, dir, options.ref, context);
        const commit = await gitHead(dir);
        const root = options.subfolder ? join(/* turbopackIgnore: true */ dir, options.subfolder) : dir;
        return await readLocalSnapshot(root, context, { repositoryUrl: url, subfolder: options.subfolder, commit });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function clone(url: string, dir: string, ref: string | undefined, context: SourceContext): Promise<void> {
  const args = ["clone", "--depth", "1", "--single-branch", "--no-tags", ...(ref ? ["--branch", ref] : []), "--", url, dir];
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      // No credential prompts, no hooks, no submodules: analysis never runs what it reads.
      ["-c", "core.hooksPath=/dev/null", "-c", "credential.helper=", ...args],
      { signal: context.signal, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "/bin/false" }, maxBuffer: 1_000_000 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        if (context.signal.aborted) return reject(abortError(context));
        reject(cloneError(url, String(stderr)));
      },
    );
  });
}

function cloneError(url: string, stderr: string): AnalysisError {
  if (/authentication|could not read username|terminal prompts disabled|permission denied/i.test(stderr)) {
    return new AnalysisError("private_repository", `git could not clone ${url} without credentials: the repository is private or does not exist.`);
  }
  if (/remote branch .* not found/i.test(stderr)) return new AnalysisError("not_found", `That branch does not exist in ${url}.`);
  if (/not found|does not exist|does not appear to be a git repository|repository .* not found/i.test(stderr)) {
    return new AnalysisError("not_found", `There is no git repository at ${url}. Check the URL.`);
  }
  const firstLine = stderr.split("\n").find((l) => l.trim()) ?? "unknown error";
  return new AnalysisError("source_error", `git could not clone ${url}: ${firstLine.trim()}`);
}
