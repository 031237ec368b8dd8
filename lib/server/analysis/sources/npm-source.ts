import "server-only";
import { AnalysisError } from "../analysis-error";
import { httpGet, readBodyLimited } from "./http-get";
import { readTarball } from "./read-tarball";
import type { RepoSnapshot, RepoSource, SourceContext } from "./repo-source";

type Packument = {
  "dist-tags"?: Record<string, string>;
  versions?: Record<string, { dist?: { tarball?: string }; gitHead?: string }>;
};

/** Parses `@scope/name@1.2.3`, `name@latest`, `name` into name and version-or-tag. */
export function parseNpmSpec(spec: string): { name: string; version?: string } | undefined {
  const match = spec.trim().match(/^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:@([^\s@/]+))?$/i);
  return match ? { name: match[1], version: match[2] } : undefined;
}

/** A published npm package: registry metadata, then the tarball (the repository may be elsewhere or gone). */
export function createNpmSource(name: string, version?: string): RepoSource {
  return {
    kind: "npm",
    label: `npm:${name}${version ? `@${version}` : ""}`,
    fetchSnapshot: (context) => fetchNpmSnapshot(name, version, context),
  };
}

async function fetchNpmSnapshot(name: string, requested: string | undefined, context: SourceContext): Promise<RepoSnapshot> {
  const registry = context.options.npmRegistryUrl.replace(/\/+$/, "");
  const response = await httpGet(`${registry}/${name.replace("/", "%2f")}`, context, { accept: "application/json" });
  if (response.status === 404) throw new AnalysisError("not_found", `There is no npm package named ${name}. Check the spelling (scoped names look like npm:@scope/name).`);
  if (!response.ok) throw new AnalysisError("source_error", `The npm registry answered HTTP ${response.status} for ${name}. Try again later.`);
  const packument = JSON.parse(new TextDecoder().decode(await readBodyLimited(response, 50_000_000, `The npm metadata of ${name}`))) as Packument;
  const version = packument["dist-tags"]?.[requested ?? "latest"] ?? requested;
  const entry = version ? packument.versions?.[version] : undefined;
  if (!version || !entry?.dist?.tarball) {
    throw new AnalysisError("not_found", `npm package ${name} has no version "${requested ?? "latest"}". Use an exact version or a dist-tag.`);
  }
  const tarball = await httpGet(entry.dist.tarball, context);
  if (!tarball.ok) throw new AnalysisError("source_error", `Downloading the ${name}@${version} tarball failed with HTTP ${tarball.status}.`);
  const data = await readBodyLimited(tarball, context.options.maxBytes, `The ${name}@${version} tarball`);
  const { files, warnings } = await readTarball(data, context.options);
  return {
    repositoryUrl: `npm:${name}@${version}`,
    commit: entry.gitHead,
    files,
    published: { runtime: "npm", package: name, version },
    warnings,
  };
}
