import "server-only";
import { createHash } from "node:crypto";

/** Lower-cases the host (and GitHub owner/name, which GitHub treats case-insensitively), drops `.git` and slashes. */
export function normalizeRepositoryUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, "").replace(/\.git$/, "");
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  const parsed = new URL(trimmed);
  const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
  const path = host === "github.com" ? parsed.pathname.toLowerCase() : parsed.pathname;
  return `https://${host}${path.replace(/\/+$/, "")}`;
}

/**
 * The key the analyses route caches results under: (repository URL, subfolder, commit). Undefined without a commit,
 * because a branch name moves and a cached answer for it would go stale.
 */
export function computeAnalysisCacheKey(repository: { url: string; subfolder?: string; commit?: string }): string | undefined {
  if (!repository.commit) return undefined;
  const subfolder = (repository.subfolder ?? "").replace(/^\/+|\/+$/g, "");
  const material = JSON.stringify([normalizeRepositoryUrl(repository.url), subfolder, repository.commit.toLowerCase()]);
  return `analysis:v1:${createHash("sha256").update(material).digest("hex")}`;
}
