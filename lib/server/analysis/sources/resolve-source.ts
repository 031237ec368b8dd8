import "server-only";
import { existsSync } from "node:fs";
import { AnalysisError } from "../analysis-error";
import { createGitHubSource } from "./github-source";
import { createGitSource } from "./git-source";
import { createLocalSource } from "./local-source";
import { createNpmSource, parseNpmSpec } from "./npm-source";
import { createPypiSource } from "./pypi-source";
import type { RepoSource } from "./repo-source";

/** Hosts that serve plain git over HTTPS without a `.git` suffix in the pasted URL. */
const GIT_HOSTS = /^(gitlab\.com|bitbucket\.org|codeberg\.org|git\.sr\.ht|gitea\.com)$/i;

const SHORTHAND = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/**
 * Turns what a person typed into the source that can read it:
 * `https://github.com/o/r[/tree/<ref>/<folder>]`, `o/r`, `npm:@scope/pkg[@v]`, `pypi:name[==v]`, npmjs.com and
 * pypi.org package pages, any other git URL, or (when allowed) a local path.
 */
export function resolveSource(rawInput: string, options: { allowLocalPaths: boolean }): RepoSource {
  const input = rawInput.trim();
  if (!input) throw new AnalysisError("invalid_url", "Enter a repository URL, for example https://github.com/owner/name.");

  const npm = input.match(/^npm:(.+)$/i);
  if (npm) {
    const spec = parseNpmSpec(npm[1]);
    if (!spec) throw new AnalysisError("invalid_url", `"${npm[1]}" is not an npm package name. Use npm:name or npm:@scope/name@1.2.3.`);
    return createNpmSource(spec.name, spec.version);
  }
  const pypi = input.match(/^pypi:([A-Za-z0-9][\w.-]*)(?:==([\w.+-]+))?$/i);
  if (pypi) return createPypiSource(pypi[1], pypi[2]);

  if (/^git@|^ssh:\/\//.test(input)) {
    throw new AnalysisError("unsupported_host", "SSH git URLs need keys Catwalk does not have. Paste the https:// URL of the repository instead.");
  }
  if (/^(https?|file):\/\//i.test(input)) return fromUrl(input, options);

  const looksLikePath = /^(\/|\.{1,2}(\/|$)|~\/)/.test(input) || (options.allowLocalPaths && existsSync(input));
  if (looksLikePath) {
    if (!options.allowLocalPaths) throw new AnalysisError("invalid_url", "Local paths can only be analysed from the command line. Paste a repository URL.");
    return createLocalSource(input);
  }
  if (SHORTHAND.test(input)) return createGitHubSource({ owner: input.split("/")[0], repo: input.split("/")[1].replace(/\.git$/, "") });
  throw new AnalysisError("invalid_url", `"${input.slice(0, 100)}" is not a URL. Paste a repository URL such as https://github.com/owner/name, or npm:package-name.`);
}

function fromUrl(input: string, options: { allowLocalPaths: boolean }): RepoSource {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new AnalysisError("invalid_url", `"${input.slice(0, 100)}" is not a valid URL.`);
  }
  if (url.protocol === "file:") {
    if (!options.allowLocalPaths) throw new AnalysisError("unsupported_host", "file:// URLs are only accepted from the command line.");
    return createGitSource(input);
  }
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);

  if (host === "github.com" || host === "www.github.com") {
    const [owner, rawRepo, kind, ...rest] = segments;
    if (!owner || !rawRepo) throw new AnalysisError("invalid_url", "A GitHub URL needs an owner and a repository: https://github.com/owner/name.");
    const repo = rawRepo.replace(/\.git$/, "");
    if ((kind === "tree" || kind === "blob") && rest.length > 0) return createGitHubSource({ owner, repo, refAndPath: kind === "blob" ? rest.slice(0, -1) : rest });
    return createGitHubSource({ owner, repo });
  }
  if (host === "www.npmjs.com" || host === "npmjs.com") {
    const i = segments.indexOf("package");
    const name = segments.slice(i + 1, segments[i + 1]?.startsWith("@") ? i + 3 : i + 2).join("/");
    const spec = i >= 0 ? parseNpmSpec(name) : undefined;
    if (spec) return createNpmSource(spec.name, segments[segments.indexOf("v") + 1] && segments.includes("v") ? segments[segments.indexOf("v") + 1] : undefined);
  }
  if (host === "pypi.org" && segments[0] === "project" && segments[1]) return createPypiSource(segments[1], segments[2]);
  if (GIT_HOSTS.test(host) || url.pathname.endsWith(".git")) {
    // GitLab-style `/-/tree/<ref>/<folder>` links: clone the ref, read the folder.
    const marker = segments.indexOf("-");
    if (marker > 0 && segments[marker + 1] === "tree") {
      const base = `${url.origin}/${segments.slice(0, marker).join("/")}.git`;
      return createGitSource(base, { ref: segments[marker + 2], subfolder: segments.slice(marker + 3).join("/") || undefined });
    }
    return createGitSource(input);
  }
  throw new AnalysisError("unsupported_host", `Catwalk cannot read repositories from ${host}. Use a GitHub URL, a git URL ending in .git, or npm:package-name.`);
}
