import "server-only";
import { AnalysisError } from "../analysis-error";
import { httpGet, readBodyLimited } from "./http-get";
import type { RepoSnapshot, RepoSource, SourceContext } from "./repo-source";
import { selectFiles } from "./select-files";

export type GitHubLocation = { owner: string; repo: string; ref?: string; subfolder?: string; refAndPath?: string[] };

type TreeEntry = { path: string; type: string; size?: number };

const CONCURRENCY = 8;

/** Reads a repository through the GitHub REST API (repos, commits, git/trees, contents). */
export function createGitHubSource(location: GitHubLocation): RepoSource {
  const full = `${location.owner}/${location.repo}`;
  return {
    kind: "github",
    label: `github.com/${full}${location.refAndPath ? ` (${location.refAndPath.join("/")})` : ""}`,
    fetchSnapshot: (context) => fetchGitHubSnapshot(location, context),
  };
}

async function fetchGitHubSnapshot(location: GitHubLocation, context: SourceContext): Promise<RepoSnapshot> {
  const full = `${location.owner}/${location.repo}`;
  const api = (path: string) => `${context.options.githubApiUrl.replace(/\/+$/, "")}/repos/${full}${path}`;
  const getJson = async <T>(path: string, what: string): Promise<T> => {
    const response = await httpGet(api(path), context, headersFor(context));
    if (!response.ok) throw await githubError(response, full, what, context);
    return (await response.json()) as T;
  };

  const meta = await getJson<{ default_branch?: string; html_url?: string }>("", "repository");
  const { ref, subfolder } = await resolveRefAndPath(location, meta.default_branch ?? "main", (candidate) =>
    getJson<{ sha: string }>(`/commits/${encodeURIComponent(candidate)}`, `ref "${candidate}"`),
  );
  const tree = await getJson<{ tree: TreeEntry[]; truncated?: boolean }>(`/git/trees/${ref.sha}?recursive=1`, "file tree");
  const warnings: string[] = [];
  if (tree.truncated) warnings.push("GitHub truncated the file tree of this very large repository; some files were not considered.");

  const prefix = subfolder ? `${subfolder}/` : "";
  const listed = tree.tree
    .filter((e) => e.type === "blob" && e.path.startsWith(prefix))
    .map((e) => ({ path: e.path.slice(prefix.length), size: e.size ?? 0 }));
  if (subfolder && listed.length === 0) {
    throw new AnalysisError("not_found", `The folder "${subfolder}" does not exist in ${full} at ${ref.name}. Check the /tree/<branch>/<folder> part of the URL.`);
  }
  const selection = selectFiles(listed, context.options);
  warnings.push(...selection.warnings);

  const files = new Map<string, string>();
  const queue = [...selection.paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const encoded = `${prefix}${path}`.split("/").map(encodeURIComponent).join("/");
      const response = await httpGet(api(`/contents/${encoded}?ref=${ref.sha}`), context, headersFor(context));
      if (!response.ok) throw await githubError(response, full, path, context);
      const body = JSON.parse(new TextDecoder().decode(await readBodyLimited(response, context.options.maxBytes * 2, path))) as { content?: string; encoding?: string };
      if (body.encoding === "base64" && typeof body.content === "string") files.set(path, Buffer.from(body.content, "base64").toString("utf8"));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  return {
    repositoryUrl: `https://github.com/${full}`,
    subfolder: subfolder || undefined,
    commit: ref.sha,
    files,
    warnings,
  };
}

/**
 * `/tree/feature/x/servers/y` is ambiguous: the ref may contain slashes. Try the shortest ref first, as GitHub's web
 * UI effectively does, and move segments from the path into the ref while the ref does not exist.
 */
async function resolveRefAndPath(
  location: GitHubLocation,
  defaultBranch: string,
  lookup: (ref: string) => Promise<{ sha: string }>,
): Promise<{ ref: { name: string; sha: string }; subfolder: string }> {
  const parts = location.refAndPath ?? [];
  if (parts.length === 0) {
    const name = location.ref ?? defaultBranch;
    return { ref: { name, sha: (await lookup(name)).sha }, subfolder: location.subfolder ?? "" };
  }
  let lastError: unknown;
  for (let i = 1; i <= Math.min(parts.length, 4); i++) {
    const name = parts.slice(0, i).join("/");
    try {
      return { ref: { name, sha: (await lookup(name)).sha }, subfolder: parts.slice(i).join("/") };
    } catch (error) {
      if (!(error instanceof AnalysisError) || error.code !== "not_found") throw error;
      lastError = error;
    }
  }
  throw new AnalysisError("not_found", `No branch, tag or commit named "${parts[0]}" exists in ${location.owner}/${location.repo}.`, { cause: lastError });
}

function headersFor(context: SourceContext): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28", "user-agent": "catwalk-analyzer" };
  if (context.options.githubToken) headers.authorization = `Bearer ${context.options.githubToken}`;
  return headers;
}

async function githubError(response: Response, full: string, what: string, context: SourceContext): Promise<AnalysisError> {
  const text = await response.text().catch(() => "");
  const remaining = response.headers.get("x-ratelimit-remaining");
  if (response.status === 429 || (response.status === 403 && (remaining === "0" || /rate limit/i.test(text)))) {
    const reset = Number(response.headers.get("x-ratelimit-reset"));
    const when = Number.isFinite(reset) && reset > 0 ? ` It resets at ${new Date(reset * 1000).toISOString()}.` : "";
    const hint = context.options.githubToken ? "" : " Set GITHUB_TOKEN to get a higher limit.";
    return new AnalysisError("rate_limited", `GitHub's API rate limit is used up, so ${full} could not be read.${when}${hint}`);
  }
  if (response.status === 404 || (response.status === 422 && what !== "repository")) {
    if (what !== "repository") return new AnalysisError("not_found", `GitHub has no ${what} in ${full}.`);
    const hint = context.options.githubToken ? " The configured GITHUB_TOKEN cannot see it either." : " If it is private, set GITHUB_TOKEN to a token that can read it.";
    return new AnalysisError("not_found", `Repository ${full} was not found on GitHub, or it is private. Check the URL.${hint}`);
  }
  if (response.status === 401 || response.status === 403) {
    return new AnalysisError("private_repository", `GitHub refused access to ${full} (HTTP ${response.status}). The repository is private or the GITHUB_TOKEN lacks access to it.`);
  }
  return new AnalysisError("source_error", `GitHub answered HTTP ${response.status} while reading the ${what} of ${full}. Try again later.`);
}
