import "server-only";
import { isCandidateEnv, isPlaceholderValue, looksSecret, valueLooksSecret } from "./env-names";
import type { DetectionContext, FileSet, Findings } from "./findings";
import { parseLenientJson } from "./lenient-json";
import { isOffTopic, isProgramCode, parseMarkdown } from "./markdown";
import { parseLaunchCommand, shellWords, type ParsedLaunch } from "./parse-launch-command";
import { unscoped } from "./detect-package-json";

/** Values that read as a setting rather than a sample: booleans, small numbers, common mode words. */
const SWITCH_VALUE = /^(true|false|yes|no|on|off|\d{1,6}|info|debug|warn|warning|error|trace|silent|stdio|http|sse|json|text|markdown|auto|none|all|readonly|read-only)$/i;

type Entry = { key: string; launch: ParsedLaunch; env: Record<string, string>; optional: Set<string>; line: number };

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

export function findReadme(files: FileSet): string | undefined {
  const names = [...files.keys()].filter((p) => !p.includes("/") && /^readme/i.test(p));
  return names.find((n) => /\.md$/i.test(n)) ?? names[0];
}

const STOP_TOKENS = new Set(["mcp", "server", "servers", "the", "js", "ts", "py", "node", "python", "io", "github", "com", "modelcontextprotocol"]);
const tokens = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 1 && !STOP_TOKENS.has(t)));
const rawTokens = (s: string) => new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 1 && !/^(mcp|server|servers|the)$/.test(t)));
const normalizePkg = (s: string) => unscoped(s.toLowerCase()).replace(/[-_.]+/g, "-");

/** Does this client-config entry run *this* repository's server, rather than another tool shown beside it? */
function belongsHere(entry: Entry, context: DetectionContext): boolean {
  const pkg = entry.launch.package;
  if (entry.launch.kind === "local") return true;
  if (pkg && context.packageNames.some((n) => n.toLowerCase() === pkg.toLowerCase() || normalizePkg(n) === normalizePkg(pkg))) return true;
  if (pkg && context.packageNames.length > 0 && entry.launch.runtime !== "oci") return false;
  // An image or package named exactly like the repository (ghcr.io/acme/acme-mcp-server in repo acme-mcp-server).
  if (pkg && normalizePkg(pkg.split("/").pop() ?? pkg) === normalizePkg(context.repoName)) return true;
  // A repo named only with stop words ("mcp-server", "github-mcp-server") still needs something to match on.
  const repo = tokens(context.repoName).size > 0 ? tokens(context.repoName) : rawTokens(context.repoName);
  const mine = new Set([...rawTokens(entry.key), ...rawTokens(pkg ?? "")]);
  return [...repo].some((t) => mine.has(t));
}

/**
 * Client configuration blocks in the README (`"mcpServers": { name: { command, args, env } }`, VS Code `servers`)
 * and launch one-liners (`npx -y pkg`, `uvx pkg`, `docker run … image`, `claude mcp add … -- npx …`).
 */
export function detectReadmeConfig(files: FileSet, context: DetectionContext): Partial<Findings> {
  const file = findReadme(files);
  if (!file) return {};
  const doc = parseMarkdown(files.get(file) as string);
  const findings: Partial<Findings> = { launches: [], env: [], args: [], mcpSignals: [], images: [] };
  const entries: Entry[] = [];
  if (/model context protocol|\bMCP server\b/i.test(files.get(file) as string)) findings.mcpSignals?.push({ file, reason: "README describes an MCP server" });
  for (const block of doc.blocks) {
    if (isOffTopic(block.headings)) continue;
    if (/"(command|mcpServers|servers)"\s*:/.test(block.text)) {
      const optional = new Set([...block.text.matchAll(/"([A-Z][A-Z0-9_]+)"\s*:[^\n]*(\/\/|#)[^\n]*optional/gi)].map((m) => m[1]));
      collectJsonEntries(parseLenientJson(block.text), "", (key, command, args, env) =>
        entries.push({ key, launch: parseLaunchCommand(command, args), env, optional, line: block.line }),
      );
      if (/mcpServers|"servers"/.test(block.text)) findings.mcpSignals?.push({ file, reason: `client configuration block at line ${block.line}` });
      continue;
    }
    if (isProgramCode(block.lang)) continue;
    for (const line of block.text.replace(/\\\n\s*/g, " ").split("\n")) {
      const built = line.match(/docker\s+build\s+.*?(?:-t|--tag)\s+([\w./:-]+)/);
      if (built) findings.images?.push({ name: built[1].replace(/:latest$/, ""), evidence: { file, reason: `README builds image ${built[1]}` } });
      const entry = shellEntry(line, block.line);
      if (entry) entries.push(entry);
    }
  }
  const mine = entries.filter((e) => belongsHere(e, context));
  const envOf = (e: Entry) => Object.keys({ ...e.launch.env, ...e.env }).filter(isCandidateEnv);
  const withEnv = mine.filter((e) => envOf(e).length > 0 && !e.launch.transport);
  // A name only some of this server's configs set is a variant (an enterprise host, a second auth style), not a
  // demand; a name every config sets is. Either/or credentials still become required through their group.
  const everywhere = (name: string) => withEnv.length < 2 || withEnv.every((e) => envOf(e).includes(name));
  for (const entry of mine) {
    const where = `README ${entry.key ? `config "${entry.key}"` : "command"} (line ${entry.line})`;
    const { launch } = entry;
    if (launch.kind === "package" && launch.runtime && launch.package) {
      findings.launches?.push({
        detector: "readme-config",
        runtime: launch.runtime,
        package: launch.package,
        version: launch.version,
        entry: launch.entry,
        extraArgs: launch.fixedArgs,
        transport: launch.transport,
        runnable: true,
        evidence: { file, reason: `${where} runs ${launch.package}` },
      });
      if (launch.runtime === "oci") findings.images?.push({ name: launch.package, evidence: { file, reason: `${where} runs image ${launch.package}` } });
    }
    // A command line that switches to HTTP shows what that mode needs; Catwalk may run the server another way.
    const onlyFor = launch.transport;
    for (const arg of launch.userArgs) {
      findings.args?.push({ detector: "readme-config", name: arg.name, description: `e.g. ${arg.example}`, onlyFor, evidence: { file, reason: `${where} passes ${arg.example}` } });
    }
    for (const [name, value] of Object.entries({ ...launch.env, ...entry.env })) {
      if (!isCandidateEnv(name)) continue;
      // Values in client configs are mostly samples (IDs, URLs, tokens). Only switch-like values (true, 20, info)
      // read as defaults; a sample value of a credential never does.
      const placeholder = isPlaceholderValue(value) || looksSecret(name) || !SWITCH_VALUE.test(value.trim());
      findings.env?.push({
        detector: "readme-config",
        name,
        required: entry.optional.has(name) || !everywhere(name) ? false : placeholder ? true : undefined,
        default: placeholder || entry.optional.has(name) ? undefined : value,
        secret: valueLooksSecret(value) ? true : undefined,
        onlyFor,
        evidence: { file, reason: `${where} sets ${name}` },
      });
    }
  }
  return findings;
}

function collectJsonEntries(node: unknown, key: string, add: (key: string, command: string, args: string[], env: Record<string, string>) => void, depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(node)) return node.forEach((n) => collectJsonEntries(n, key, add, depth + 1));
  if (!isDict(node)) return;
  if (typeof node.command === "string") {
    const args = Array.isArray(node.args) ? node.args.map(String) : [];
    const env = isDict(node.env) ? Object.fromEntries(Object.entries(node.env).map(([k, v]) => [k, String(v ?? "")])) : {};
    // Some READMEs put the whole command line into `command`.
    const words = args.length === 0 ? shellWords(node.command) : [node.command, ...args];
    return add(key, words[0] ?? node.command, words.slice(1), env);
  }
  for (const [k, v] of Object.entries(node)) collectJsonEntries(v, k, add, depth + 1);
}

function shellEntry(line: string, blockLine: number): Entry | undefined {
  let words = shellWords(line.replace(/^\s*[$>]\s*/, ""));
  const dashDash = words.indexOf("--");
  const env: Record<string, string> = {};
  if (words[0] === "claude" && words[1] === "mcp" && dashDash > 0) {
    words.slice(0, dashDash).forEach((w, i, all) => {
      if ((w === "-e" || w === "--env") && all[i + 1]) {
        const [k, ...v] = all[i + 1].split("=");
        env[k] = v.join("=");
      }
    });
    words = words.slice(dashDash + 1);
  }
  while (words[0] && /^[A-Z][A-Z0-9_]*=/.test(words[0])) {
    const [k, ...v] = (words.shift() as string).split("=");
    env[k] = v.join("=");
  }
  if (!/^(npx|uvx|docker|podman|pipx)$/.test(words[0] ?? "")) return undefined;
  if (words[0] === "docker" && words[1] !== "run") return undefined;
  const launch = parseLaunchCommand(words[0], words.slice(1));
  if (launch.kind !== "package") return undefined;
  // A bare `npx create-foo` or `npx @smithery/cli install x` is not a launch of this server.
  if (launch.package && /^(@smithery\/cli|@modelcontextprotocol\/inspector|create-|mcp-remote|supergateway)/.test(launch.package)) return undefined;
  return { key: "", launch, env, optional: new Set(), line: blockLine };
}
