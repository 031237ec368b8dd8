import "server-only";
import { ENV_NAME, isCandidateEnv, isPlaceholderValue, looksSecret } from "./env-names";
import type { EnvFinding, FileSet, Findings } from "./findings";
import { isOffTopic, isProgramCode, parseMarkdown, stripInline, type ProseLine } from "./markdown";
import { findReadme } from "./detect-readme-config";

const NAME_IN_TEXT = /`([A-Z][A-Z0-9_]{2,})`|\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;
/** Sections where a bare mention of a variable in prose is about configuring this server. */
const CONFIG_SECTION = /env|config|setting|credential|auth|token|api key|secret|setup|set up|getting started|install|usage|prerequisite|require|option/i;
const OPTION_HEADING = /^(option|method|approach|alternative)\s*[\w\d]+\b|^alternatively\b|^(using|with) (an? )?(api key|token|password|username|oauth|basic auth)/i;

export function namesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME_IN_TEXT)) {
    const name = m[1] ?? m[2];
    if (ENV_NAME.test(name) && isCandidateEnv(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** "required"/"optional" as written in a docs cell or sentence; undefined when the text does not say. */
export function requiredFromText(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (/^\s*(yes|y|true|✅|✔️?|☑️?|x|required|mandatory|\*\*yes\*\*)\s*$/.test(t)) return true;
  if (/^\s*(no|n|false|❌|✖️?|-|optional|\*\*no\*\*)\s*$/.test(t)) return false;
  if (/\(optional\)|\boptional\b|\bif you (want|need)\b|\bdefaults? (to|:)|\bnot required\b/.test(t)) return false;
  if (/\(required\)|\brequired\b|\bmust be set\b|\bmandatory\b/.test(t)) return true;
  return undefined;
}

function defaultFromText(text: string): string | undefined {
  const m = text.match(/default(?:s)?(?: to| is|:)?\s*[:=]?\s*`([^`]+)`|default(?:s)?(?: to| is|:)\s*"?([\w./:-]+)"?/i);
  return m ? (m[1] ?? m[2]).replace(/[.,;:]$/, "") : undefined;
}

const slug = (s: string) => s.toLowerCase().replace(/^(option|method|approach|alternative)\s*[\w\d]+\s*[:.)-]?\s*/i, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "option";

/**
 * Env vars documented in the README: tables (name / required / default / description columns), bullet lists,
 * `export NAME=…` lines in shell blocks, and backticked mentions in configuration sections. Either/or credentials
 * come from "either A or B" sentences and from "Option 1 / Option 2" headings.
 */
export function detectReadmeEnv(files: FileSet): Partial<Findings> {
  const file = findReadme(files);
  if (!file) return {};
  const doc = parseMarkdown(files.get(file) as string);
  const env: EnvFinding[] = [];
  const add = (name: string, line: number, headings: string[], fields: Partial<EnvFinding>, how: string) => {
    const last = headings[headings.length - 1] ?? "";
    const group = OPTION_HEADING.test(last) ? slug(last) : undefined;
    env.push({ detector: "readme-env", name, group, ...fields, evidence: { file, reason: `${how} at line ${line}` } });
  };

  const lines = doc.lines.filter((l) => !isOffTopic(l.headings));
  readTables(lines, add);
  for (const l of lines) {
    const bullet = l.text.match(/^\s*(?:[-*+]|\d+\.)\s+(?:\*\*|`|__)*([A-Z][A-Z0-9_]{2,})(?:\*\*|`|__)*\s*(.*)$/);
    if (bullet && isCandidateEnv(bullet[1])) {
      const rest = stripInline(bullet[2]).replace(/^[:\-–—=]\s*/, "");
      const description = rest.replace(/^\((required|optional)\)\s*[:\-–—]?\s*/i, "");
      add(bullet[1], l.line, l.headings, { description: description || undefined, required: requiredFromText(rest), default: defaultFromText(bullet[2]) }, "README list item");
      continue;
    }
    if (l.text.trim().startsWith("|")) continue;
    // Prose: only names set in code style (`NAME` or `NAME=value`), the way docs refer to variables.
    for (const m of l.text.matchAll(/`([A-Z][A-Z0-9_]{2,})(?:=([^`]*))?`/g)) {
      if (!isCandidateEnv(m[1])) continue;
      const inConfigSection = l.headings.some((h) => CONFIG_SECTION.test(h));
      add(m[1], l.line, l.headings, { required: inConfigSection || /\brequired\b/i.test(l.text) ? requiredFromText(l.text) : undefined }, "README mentions it");
    }
  }
  for (const block of doc.blocks) {
    if (isOffTopic(block.headings) || isProgramCode(block.lang) || /^(json|jsonc|json5|ya?ml|toml)$/.test(block.lang)) continue;
    block.text.split("\n").forEach((row, i) => {
      const m = row.match(/^\s*(?:export\s+|set\s+|\$env:)?([A-Z][A-Z0-9_]{2,})\s*=\s*["']?([^"'#\s]*)["']?\s*(?:#\s*(.*))?$/);
      if (!m || !isCandidateEnv(m[1])) return;
      const placeholder = isPlaceholderValue(m[2]);
      add(m[1], block.line + i + 1, block.headings, { required: m[3] ? requiredFromText(m[3]) : undefined, default: placeholder ? undefined : m[2], description: m[3]?.trim() || undefined }, "README shell example");
    });
  }
  applyEitherOr(lines, env, file);
  dropLoneGroups(env);
  const holders = valueHolders(files.get(file) as string);
  // Tables and lists describe the server's own settings; examples and prose may show a user's holder variable.
  return { env: env.filter((e) => !holders.has(e.name) || /table row|list item/.test(e.evidence.reason)) };
}

type Add = (name: string, line: number, headings: string[], fields: Partial<EnvFinding>, how: string) => void;

function readTables(lines: ProseLine[], add: Add): void {
  for (let i = 0; i < lines.length - 1; i++) {
    if (!/^\s*\|/.test(lines[i].text) || !/^\s*\|?\s*:?-{2,}/.test(lines[i + 1].text)) continue;
    const cells = (t: string) => t.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
    const header = cells(lines[i].text).map((h) => stripInline(h).toLowerCase());
    const col = (re: RegExp) => header.findIndex((h) => re.test(h));
    let nameCol = col(/variable|env|name|key|setting|parameter|option/);
    const requiredCol = col(/required|mandatory|optional/);
    const defaultCol = col(/default/);
    const descriptionCol = col(/description|purpose|meaning|notes?|details|what|usage/);
    for (let j = i + 2; j < lines.length && /^\s*\|/.test(lines[j].text); j++) {
      const row = cells(lines[j].text);
      if (nameCol < 0) nameCol = row.findIndex((c) => namesIn(c).length > 0);
      const names = namesIn(row[nameCol] ?? "");
      const description = descriptionCol >= 0 ? stripInline(row[descriptionCol] ?? "") : undefined;
      const requiredCell = requiredCol >= 0 ? stripInline(row[requiredCol] ?? "") : "";
      const required = requiredCol >= 0 ? requiredFromText(requiredCell) : requiredFromText(description ?? "");
      const rawDefault = defaultCol >= 0 ? stripInline(row[defaultCol] ?? "") : undefined;
      const dflt = rawDefault && !/^(-|—|–|none|n\/a|null|\(none\)|empty|)$/i.test(rawDefault) ? rawDefault : defaultFromText(description ?? "");
      for (const name of names) add(name, lines[j].line, lines[j].headings, { description: description || undefined, required, default: dflt }, "README table row");
      i = j;
    }
  }
}

/**
 * Names used as the *value* of another variable (`TOKEN=$MY_PAT`, `"TOKEN": "${MY_PAT}"`): the user's own shell
 * variable holding a credential, not a setting the server reads.
 */
function valueHolders(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b[A-Z][A-Z0-9_]+(?:"\s*:\s*"|=)\$\{?([A-Z][A-Z0-9_]{2,})\}?/g)) out.add(m[1]);
  return out;
}

/**
 * "Set either `A_KEY` or both `A_USER` and `A_PASS`": names before the `or` form one group, names after another.
 * Without "either", an "or" between credentials ("use `A_TOKEN` …, or keep using `B_KEY`") reads the same way.
 */
function applyEitherOr(lines: ProseLine[], env: EnvFinding[], file: string): void {
  for (const l of lines) {
    const m = l.text.match(/\beither\b(.*?)\bor\b(.*)$/i) ?? l.text.match(/^(.*?)\bor\b(.*)$/i);
    if (!m) continue;
    const left = namesIn(m[1]);
    const right = namesIn(m[2]);
    if (left.length === 0 || right.length === 0) continue;
    if (!/\beither\b/i.test(l.text) && ![...left, ...right].every(looksSecret)) continue;
    const all = [...left, ...right];
    const prefix = commonPrefix(all);
    const label = (names: string[]) => names.map((n) => n.slice(prefix.length).toLowerCase().replace(/_/g, "-")).join("-") || "option";
    for (const [names, group] of [[left, label(left)], [right, label(right)]] as const) {
      for (const name of names) {
        const existing = env.filter((e) => e.name === name);
        if (existing.length === 0) env.push({ detector: "readme-env", name, group, evidence: { file, reason: `either/or credentials at line ${l.line}` } });
        for (const e of existing) e.group = group;
      }
    }
  }
}

function commonPrefix(names: string[]): string {
  let prefix = names[0] ?? "";
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf("_", prefix.length - 2) + 1);
  return prefix;
}

/** A single alternative is no choice: drop groups unless at least two exist. */
function dropLoneGroups(env: EnvFinding[]): void {
  const groups = new Set(env.map((e) => e.group).filter(Boolean));
  if (groups.size < 2) for (const e of env) delete e.group;
}
