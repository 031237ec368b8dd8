import "server-only";
import type { FileSet, Findings } from "./findings";

type PackageJson = {
  name?: string;
  version?: string;
  description?: string;
  private?: boolean;
  bin?: string | Record<string, string>;
  workspaces?: unknown;
  mcpName?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

const MCP_DEPENDENCY = /^(@modelcontextprotocol\/sdk|fastmcp|mcp-framework|@mastra\/mcp|mcp-proxy|@smithery\/sdk|xmcp|mcp-handler|@vercel\/mcp-adapter)$/;

/** package.json: the npm identity, whether it is published (`private`), what `npx` would run (`bin`). */
export function detectPackageJson(files: FileSet): Partial<Findings> {
  const text = files.get("package.json");
  if (!text) return {};
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(text) as PackageJson;
  } catch {
    return {};
  }
  const findings: Partial<Findings> = { launches: [], mcpSignals: [], names: [], descriptions: [] };
  const deps = { ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies };
  const sdk = Object.keys(deps).find((d) => MCP_DEPENDENCY.test(d));
  if (sdk) findings.mcpSignals?.push({ file: "package.json", reason: `depends on ${sdk}` });
  if (pkg.mcpName) findings.mcpSignals?.push({ file: "package.json", reason: `mcpName ${pkg.mcpName}` });
  if (!pkg.name) return findings;
  findings.names?.push({ detector: "package-json", name: pkg.name });
  if (pkg.description) findings.descriptions?.push({ detector: "package-json", text: pkg.description });

  const bins = typeof pkg.bin === "string" ? [unscoped(pkg.name)] : Object.keys(pkg.bin ?? {});
  const published = pkg.private !== true;
  // npx picks the bin named like the package, or the only one; otherwise it needs `--package pkg <bin>`.
  const chosenBin = bins.find((b) => b === unscoped(pkg.name as string)) ?? (bins.length === 1 ? bins[0] : bins.find((b) => /mcp|server/i.test(b)));
  const needsExplicitBin = chosenBin !== undefined && bins.length > 1 && chosenBin !== unscoped(pkg.name);
  const problems = [!published && "marked private", bins.length === 0 && "declares no bin"].filter(Boolean).join(" and ");
  findings.launches?.push({
    detector: "package-json",
    runtime: "npm",
    package: pkg.name,
    version: pkg.version,
    entry: needsExplicitBin ? chosenBin : undefined,
    runnable: published && bins.length > 0,
    evidence: {
      file: "package.json",
      reason: problems ? `npm package ${pkg.name} is ${problems}, so npx cannot run it` : `npm package ${pkg.name} with bin ${chosenBin ?? bins[0]}`,
    },
  });
  return findings;
}

export function unscoped(name: string): string {
  return name.replace(/^@[^/]+\//, "");
}
