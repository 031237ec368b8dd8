import "server-only";
import { parse } from "smol-toml";
import type { FileSet, Findings, LaunchFinding } from "./findings";

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

const MCP_DEPENDENCY = /^(mcp|fastmcp|mcp-server|modelcontextprotocol|langchain-mcp|mcp-python)\b/i;

const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/** pyproject.toml (PEP 621 and Poetry) or setup.py: PyPI name, console scripts, MCP dependency. */
export function detectPythonProject(files: FileSet): Partial<Findings> {
  const fromToml = files.has("pyproject.toml") ? readPyproject(files.get("pyproject.toml") as string) : undefined;
  const fromSetup = !fromToml?.name && files.has("setup.py") ? readSetupPy(files.get("setup.py") as string) : undefined;
  const project = fromToml?.name ? fromToml : fromSetup;
  if (!project) return fromToml?.mcp ? { mcpSignals: [{ file: "pyproject.toml", reason: "depends on the MCP SDK" }] } : {};
  const file = project === fromToml ? "pyproject.toml" : "setup.py";
  const findings: Partial<Findings> = { launches: [], mcpSignals: [], names: [{ detector: "python-project", name: project.name as string }], descriptions: [] };
  if (project.mcp) findings.mcpSignals?.push({ file, reason: "depends on the MCP SDK" });
  if (project.description) findings.descriptions?.push({ detector: "python-project", text: project.description });
  const name = project.name as string;
  // uvx runs the script named like the package, else it needs `--from pkg script`.
  const script = project.scripts.find((s) => normalize(s) === normalize(name)) ?? project.scripts.find((s) => /mcp|server/i.test(s)) ?? project.scripts[0];
  const launch: LaunchFinding = {
    detector: "python-project",
    runtime: "python",
    package: name,
    version: project.version,
    entry: script && normalize(script) !== normalize(name) ? script : undefined,
    runnable: project.scripts.length > 0,
    evidence: {
      file,
      reason: project.scripts.length > 0 ? `Python package ${name} with console script ${script}` : `Python package ${name} declares no console script, so uvx cannot run it`,
    },
  };
  findings.launches?.push(launch);
  return findings;
}

type PythonProject = { name?: string; version?: string; description?: string; scripts: string[]; mcp: boolean };

function readPyproject(text: string): PythonProject | undefined {
  let doc: Dict;
  try {
    doc = parse(text) as Dict;
  } catch {
    return undefined;
  }
  const project = isDict(doc.project) ? doc.project : {};
  const tool = isDict(doc.tool) ? doc.tool : {};
  const poetry = isDict(tool.poetry) ? tool.poetry : {};
  const scripts = { ...(isDict(poetry.scripts) ? poetry.scripts : {}), ...(isDict(project.scripts) ? project.scripts : {}) };
  const deps = [
    ...(Array.isArray(project.dependencies) ? project.dependencies.map(String) : []),
    ...Object.keys(isDict(poetry.dependencies) ? poetry.dependencies : {}),
  ];
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    name: str(project.name) ?? str(poetry.name),
    version: str(project.version) ?? str(poetry.version),
    description: str(project.description) ?? str(poetry.description),
    scripts: Object.keys(scripts),
    mcp: deps.some((d) => MCP_DEPENDENCY.test(d.trim())),
  };
}

/** setup.py is code; read only literal `name=` and `console_scripts` entries, never run it. */
function readSetupPy(text: string): PythonProject | undefined {
  const name = text.match(/\bname\s*=\s*["']([\w.-]+)["']/)?.[1];
  const version = text.match(/\bversion\s*=\s*["']([\w.+-]+)["']/)?.[1];
  const block = text.match(/console_scripts['"]?\s*[:=]\s*\[([\s\S]*?)\]/)?.[1] ?? "";
  const scripts = [...block.matchAll(/["']\s*([\w.-]+)\s*=/g)].map((m) => m[1]);
  const mcp = /install_requires\s*=\s*\[[^\]]*["'](mcp|fastmcp)\b/.test(text);
  return name ? { name, version, scripts, mcp } : undefined;
}
