import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { serveOnLoopback } from "./serve-on-loopback";
import { join, relative, sep } from "node:path";

/**
 * A local server speaking the parts of the GitHub REST API that analysis uses — `GET /repos/{o}/{r}`,
 * `/commits/{ref}`, `/git/trees/{sha}?recursive=1`, `/contents/{path}?ref=` — over folders on disk. Also models
 * private repositories (404 without the token, 401 with a wrong one, as GitHub does) and an exhausted rate limit.
 */
export type FakeGitHubOptions = {
  /** "owner/name" → local folder served as that repository's default branch. */
  repos: Record<string, string>;
  /** Repositories that need `Authorization: Bearer <token>`. */
  privateRepos?: string[];
  token?: string;
  /** Answer every request with GitHub's rate-limit error. Can be switched later through the returned handle. */
  rateLimited?: boolean;
  defaultBranch?: string;
};

export type FakeGitHub = {
  url: string;
  /** Paths of every request received, for asserting how much was read. */
  requests: string[];
  setRateLimited(value: boolean): void;
  close(): Promise<void>;
};

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
};

async function listFiles(root: string): Promise<{ path: string; size: number }[]> {
  const out: { path: string; size: number }[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop() as string;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === ".git") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) out.push({ path: relative(root, full).split(sep).join("/"), size: (await stat(full)).size });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const requests: string[] = [];
  let rateLimited = options.rateLimited ?? false;
  const branch = options.defaultBranch ?? "main";
  const repos = new Map(Object.entries(options.repos).map(([k, v]) => [k.toLowerCase(), v]));
  const shaOf = (full: string) => createHash("sha1").update(`fake:${full}`).digest("hex");

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push(url.pathname + url.search);
    if (rateLimited) {
      const reset = String(Math.floor(Date.now() / 1000) + 3600);
      return json(res, 403, { message: "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit.)", documentation_url: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting" }, { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset });
    }
    const m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/);
    if (!m || req.method !== "GET") return json(res, 404, { message: "Not Found" });
    const full = `${m[1]}/${m[2]}`.toLowerCase();
    const dir = repos.get(full);
    if (!dir) return json(res, 404, { message: "Not Found" });
    if (options.privateRepos?.some((p) => p.toLowerCase() === full)) {
      const auth = req.headers.authorization;
      if (!auth) return json(res, 404, { message: "Not Found" });
      if (auth !== `Bearer ${options.token}`) return json(res, 401, { message: "Bad credentials" });
    }
    const sha = shaOf(full);
    const rest = m[3] ?? "";
    if (rest === "") {
      return json(res, 200, { name: m[2], full_name: `${m[1]}/${m[2]}`, private: !!options.privateRepos?.includes(full), default_branch: branch, html_url: `https://github.com/${m[1]}/${m[2]}` });
    }
    const commit = rest.match(/^\/commits\/(.+)$/);
    if (commit) {
      const ref = decodeURIComponent(commit[1]);
      if (ref !== branch && ref !== sha) return json(res, 422, { message: `No commit found for SHA: ${ref}` });
      return json(res, 200, { sha, commit: { message: "fixture" } });
    }
    if (rest.startsWith("/git/trees/")) {
      const files = await listFiles(dir);
      return json(res, 200, { sha, truncated: false, tree: files.map((f) => ({ path: f.path, mode: "100644", type: "blob", size: f.size, sha: shaOf(f.path) })) });
    }
    const contents = rest.match(/^\/contents\/(.+)$/);
    if (contents) {
      const path = decodeURIComponent(contents[1]);
      if (path.split("/").includes("..")) return json(res, 404, { message: "Not Found" });
      const data = await readFile(join(dir, path)).catch(() => undefined);
      if (!data) return json(res, 404, { message: "Not Found" });
      return json(res, 200, { type: "file", encoding: "base64", size: data.length, name: path.split("/").pop(), path, sha: shaOf(path), content: data.toString("base64") });
    }
    return json(res, 404, { message: "Not Found" });
  };

  const server = await serveOnLoopback(handle, (res, error) => json(res, 500, { message: String(error) }));
  return {
    url: server.origin,
    requests,
    setRateLimited: (value) => {
      rateLimited = value;
    },
    close: server.close,
  };
}
