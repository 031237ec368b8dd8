import "server-only";
import { isCandidateEnv } from "./env-names";
import type { ArgFinding, EnvFinding, FileSet, Findings } from "./findings";

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|py|go)$/;

/** `process.env.X`, `process.env["X"]`, `const { X } = process.env`, `os.environ["X"]`, `os.getenv("X")`, `os.Getenv("X")`. */
const READS: { re: RegExp; required?: boolean; defaultGroup?: number }[] = [
  { re: /process\.env\.([A-Z][A-Z0-9_]+)(?:\s*(?:\|\||\?\?)\s*(['"`])([^'"`]*)\2)?/g, defaultGroup: 3 },
  { re: /process\.env\[\s*['"`]([A-Z][A-Z0-9_]+)['"`]\s*\](?:\s*(?:\|\||\?\?)\s*(['"`])([^'"`]*)\2)?/g, defaultGroup: 3 },
  { re: /os\.environ\[\s*['"]([A-Z][A-Z0-9_]+)['"]\s*\]/g, required: true },
  { re: /os\.(?:environ\.get|getenv)\(\s*['"]([A-Z][A-Z0-9_]+)['"]\s*(?:,\s*(['"])([^'"]*)\2)?/g, defaultGroup: 3 },
  { re: /os\.(?:Getenv|LookupEnv)\(\s*"([A-Z][A-Z0-9_]+)"\s*\)/g },
  { re: /Deno\.env\.get\(\s*['"]([A-Z][A-Z0-9_]+)['"]\s*\)/g },
];

/** A missing value that stops the server: `if (!X) throw …`, `if not X: sys.exit(…)`, `raise ValueError("X is required")`. */
function requiredByCode(text: string, name: string): boolean {
  const guard = new RegExp(`(if\\s*\\(?\\s*!\\s*(?:process\\.env\\.)?\\w*${name}\\w*|if\\s+not\\s+\\w*${name}\\w*|${name}[^\\n]{0,60}(is required|must be set|not set|missing))[\\s\\S]{0,240}?(throw|process\\.exit|sys\\.exit|raise|log\\.Fatal|panic\\(|os\\.Exit)`, "i");
  return guard.test(text);
}

/** Credential flags a CLI parser declares: commander/yargs/argparse/click; required ones become args_required. */
const FLAG_DECLS = /(requiredOption|option|add_argument|click\.option)\(\s*['"](--[\w-]+)[^'"]*['"]([^)]{0,200})\)/g;

/**
 * The server's own code: which variables it reads, which it refuses to start without, which have defaults. Weakest
 * evidence: merge keeps these only under the rules in merge-findings.ts.
 */
export function detectSourceEnv(files: FileSet): Partial<Findings> {
  const env: EnvFinding[] = [];
  const args: ArgFinding[] = [];
  const mcpSignals: Findings["mcpSignals"] = [];
  for (const [file, text] of files) {
    if (!SOURCE.test(file)) continue;
    if (/@modelcontextprotocol\/sdk|from mcp\.server|from mcp import|FastMCP|fastmcp|mcp-go\/server|McpServer\(/.test(text) && mcpSignals.length < 30) {
      mcpSignals.push({ file, reason: "imports an MCP server SDK" });
    }
    const seen = new Set<string>();
    for (const { re, required, defaultGroup } of READS) {
      for (const m of text.matchAll(re)) {
        const name = m[1];
        if (!isCandidateEnv(name) || seen.has(name)) continue;
        seen.add(name);
        const dflt = defaultGroup ? m[defaultGroup] : undefined;
        const line = text.slice(0, m.index).split("\n").length;
        env.push({
          detector: "source-scan",
          name,
          required: dflt ? false : required || requiredByCode(text, name) ? true : undefined,
          default: dflt || undefined,
          evidence: { file, reason: `read at line ${line}${dflt ? ` with default "${dflt}"` : ""}` },
        });
      }
    }
    for (const { destructured } of [...text.matchAll(/(?:const|let|var)\s*\{([^}]+)\}\s*=\s*process\.env/g)].map((m) => ({ destructured: m[1] }))) {
      for (const part of destructured.split(",")) {
        const name = part.split(/[:=]/)[0].trim();
        if (!isCandidateEnv(name) || seen.has(name)) continue;
        seen.add(name);
        env.push({ detector: "source-scan", name, required: requiredByCode(text, name) || undefined, evidence: { file, reason: "destructured from process.env" } });
      }
    }
    for (const m of text.matchAll(FLAG_DECLS)) {
      const [, kind, flag, rest] = m;
      const required = kind === "requiredOption" || /required\s*=\s*True|demandOption\s*:\s*true|required\s*:\s*true/.test(rest);
      if (required) args.push({ detector: "source-scan", name: flag, description: rest.match(/['"]([^'"]{8,})['"]/)?.[1], evidence: { file, reason: `CLI requires ${flag}` } });
    }
    // Positional arguments: argparse without a dash and without nargs '?'/'*', commander `<name>`, a usage line.
    for (const m of text.matchAll(/add_argument\(\s*['"]([a-z][\w-]*)['"]([^)]{0,200})\)/g)) {
      if (!/nargs\s*=\s*['"][?*]['"]/.test(m[2])) args.push({ detector: "source-scan", name: m[1], evidence: { file, reason: `CLI takes a positional ${m[1]}` } });
    }
    for (const m of text.matchAll(/\.argument\(\s*['"]<([\w-]+)(?:\.\.\.)?>['"]/g)) {
      args.push({ detector: "source-scan", name: m[1], evidence: { file, reason: `CLI requires <${m[1]}>` } });
    }
    for (const m of text.matchAll(/[Uu]sage:\s*[\w@/.-]+(?:\s+\[[^\]]*\])*\s+<([\w -]+)>/g)) {
      args.push({ detector: "source-scan", name: m[1].trim(), evidence: { file, reason: `usage message asks for <${m[1].trim()}>` } });
    }
  }
  return { env, args, mcpSignals };
}
