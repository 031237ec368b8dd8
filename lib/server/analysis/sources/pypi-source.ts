import "server-only";
import { AnalysisError } from "../analysis-error";
import { httpGet, readBodyLimited } from "./http-get";
import { readTarball } from "./read-tarball";
import type { RepoSnapshot, RepoSource, SourceContext } from "./repo-source";

type PypiJson = {
  info?: { version?: string; description?: string; description_content_type?: string };
  urls?: { packagetype?: string; url?: string; filename?: string }[];
};

/** A published PyPI project: the sdist when there is one, else just the long description as README. */
export function createPypiSource(name: string, version?: string): RepoSource {
  return {
    kind: "pypi",
    label: `pypi:${name}${version ? `==${version}` : ""}`,
    fetchSnapshot: (context) => fetchPypiSnapshot(name, version, context),
  };
}

async function fetchPypiSnapshot(name: string, requested: string | undefined, context: SourceContext): Promise<RepoSnapshot> {
  const base = context.options.pypiUrl.replace(/\/+$/, "");
  const path = requested ? `${name}/${requested}` : name;
  const response = await httpGet(`${base}/pypi/${path}/json`, context, { accept: "application/json" });
  if (response.status === 404) throw new AnalysisError("not_found", `PyPI has no project ${name}${requested ? ` at version ${requested}` : ""}.`);
  if (!response.ok) throw new AnalysisError("source_error", `PyPI answered HTTP ${response.status} for ${name}. Try again later.`);
  const meta = JSON.parse(new TextDecoder().decode(await readBodyLimited(response, 20_000_000, `PyPI metadata of ${name}`))) as PypiJson;
  const version = meta.info?.version ?? requested;
  const sdist = meta.urls?.find((u) => u.packagetype === "sdist" && u.url && /\.tar\.gz$/.test(u.filename ?? u.url));
  let files = new Map<string, string>();
  const warnings: string[] = [];
  if (sdist?.url) {
    const archive = await httpGet(sdist.url, context);
    if (!archive.ok) throw new AnalysisError("source_error", `Downloading the ${name} source archive failed with HTTP ${archive.status}.`);
    const read = await readTarball(await readBodyLimited(archive, context.options.maxBytes, `The ${name} source archive`), context.options);
    files = read.files;
    warnings.push(...read.warnings);
  } else {
    warnings.push(`${name} publishes no source archive on PyPI; only its description was read.`);
  }
  if (![...files.keys()].some((p) => /^readme/i.test(p)) && meta.info?.description) files.set("README.md", meta.info.description);
  return { repositoryUrl: `pypi:${name}${version ? `==${version}` : ""}`, files, published: { runtime: "python", package: name, version }, warnings };
}
