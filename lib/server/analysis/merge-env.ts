import "server-only";
import type { EnvFormat, EnvVarSpec } from "@/lib/spec/server-spec";
import { looksSecret } from "./detectors/env-names";
import type { DetectorName, EnvFinding, Evidence } from "./detectors/findings";

/**
 * Merge rules for env vars (tested in merge-env.test.ts):
 * 1. Each field takes the value of the most authoritative detector that has an opinion:
 *    server.json > smithery.yaml > README env docs > README client config > .env.example > source code.
 * 2. A name is kept when a document mentions it (any detector but the source scan). Smithery guesses
 *    (camelCase → UPPER_SNAKE) count only when another detector confirms the name.
 * 3. When server.json lists env vars, it alone decides which names exist: the publisher said what is needed.
 *    Other files may still add descriptions or defaults to those names.
 * 4. A name found only in source code is kept when the code refuses to start without it or the name looks like a
 *    credential. Other code-only names are optional tuning knobs: they are listed in a warning, not in the form.
 * 5. A name only some of the README's client configs set is a variant: optional, unless it is an either/or alternative.
 * 6. Without a documented answer: secret when the name (or a doc's description) says key/token/secret/password;
 *    required when secret and without default. Grouped (either/or) entries are required within their group.
 * 7. A documented default makes a name optional unless env docs (server.json, smithery, README env docs) say
 *    required; a client config or .env.example that merely sets it does not.
 */
export const ENV_PRECEDENCE: DetectorName[] = ["server-json", "smithery", "readme-env", "readme-config", "env-example", "source-scan"];

export type MergedEnv = { env: EnvVarSpec[]; evidence: Evidence[]; warnings: string[]; codeOnly: number };

const rank = (f: EnvFinding) => {
  const i = ENV_PRECEDENCE.indexOf(f.detector);
  return i < 0 ? ENV_PRECEDENCE.length : i;
};

function first<K extends keyof EnvFinding>(sorted: EnvFinding[], key: K): EnvFinding[K] | undefined {
  return sorted.find((f) => f[key] !== undefined && f[key] !== "")?.[key];
}

function guessFormat(name: string, dflt?: string): EnvFormat | undefined {
  if (dflt && /^-?\d+(\.\d+)?$/.test(dflt)) return "number";
  if (dflt && /^(true|false)$/i.test(dflt)) return "boolean";
  if (/_(PATH|DIR|DIRECTORY|FILE|FOLDER)$/.test(name)) return "filepath";
  return undefined;
}

const SECRET_WORDS = /\b(api[ -]?key|secret|password|private key|access token|auth(entication)? token|bearer token|personal access token)\b/i;

export function mergeEnv(findings: EnvFinding[]): MergedEnv {
  const byName = new Map<string, EnvFinding[]>();
  for (const f of findings) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const hasServerJsonEnv = findings.some((f) => f.detector === "server-json");
  const isDoc = (f: EnvFinding) => f.detector !== "source-scan" && !f.needsConfirmation;
  const env: EnvVarSpec[] = [];
  const evidence: Evidence[] = [];
  const warnings: string[] = [];
  let codeOnlyCount = 0;
  const undocumented: string[] = [];

  for (const [name, all] of byName) {
    if (hasServerJsonEnv && !all.some((f) => f.detector === "server-json")) continue;
    const usable = all;
    const sorted = [...usable].sort((a, b) => rank(a) - rank(b));
    const confirmed = sorted.some(isDoc) || (sorted.some((f) => f.needsConfirmation) && new Set(sorted.map((f) => f.detector)).size > 1);
    const codeOnly = sorted.every((f) => f.detector === "source-scan");
    const codeRequires = sorted.some((f) => f.detector === "source-scan" && f.required === true);
    if (codeOnly && !(codeRequires || looksSecret(name))) {
      undocumented.push(name);
      continue;
    }
    if (!codeOnly && !confirmed) continue;

    const description = first(sorted, "description");
    const dflt = first(sorted, "default");
    const group = first(sorted, "group");
    // Documents decide required-ness; the code's "refuses to start" counts only when no document says.
    // A client config that merely leaves a name out (a variant) does not make an either/or alternative optional.
    const variantOnly = (f: EnvFinding) => !!group && f.detector === "readme-config" && f.required === false;
    const requiredSource = sorted.find((f) => f.detector !== "source-scan" && f.required !== undefined && !variantOnly(f));
    const secret = first(sorted, "secret") ?? (looksSecret(name) || (!!description && SECRET_WORDS.test(description) && !/_(ID|URL|HOST|NAME|REGION|USER|USERNAME)$/.test(name)));
    let required = requiredSource?.required ?? (codeRequires ? true : group ? true : secret && !dflt);
    // A documented default means the server runs without a value: a client config or .env.example that sets the
    // name anyway is an example, not a requirement (only env docs that say "required" outrank the default).
    const weakSource = !requiredSource || requiredSource.detector === "readme-config" || requiredSource.detector === "env-example";
    if (required && dflt !== undefined && !group && weakSource) required = false;
    env.push({
      name,
      description,
      required,
      secret,
      default: dflt,
      choices: first(sorted, "choices"),
      format: first(sorted, "format") ?? guessFormat(name, dflt),
      group,
    });
    evidence.push(sorted[0].evidence);
    if (codeOnly) codeOnlyCount++;
    if (codeOnly) warnings.push(`${name} is read by the code but not documented; check whether the server needs it.`);
  }
  const ignored = hasServerJsonEnv ? [...byName].filter(([, all]) => !all.some((f) => f.detector === "server-json") && all.some(isDoc)).map(([n]) => n) : [];
  const unconfirmed = env.filter((e) => byName.get(e.name)?.every((f) => f.detector === "server-json"));
  if (ignored.length > 0 && unconfirmed.length === env.length) {
    // A stale server.json is a real-world failure: say so instead of silently trusting it.
    warnings.push(`server.json lists ${env.map((e) => e.name).join(", ")}, which no other file mentions, while the README or code use ${ignored.join(", ")}; check which names the server reads.`);
  }
  if (undocumented.length > 0) {
    warnings.push(`The code also reads ${undocumented.join(", ")} (optional, undocumented); add them by hand if you need them.`);
  }
  // Required first, then in the order files mention them: the form reads top-down.
  env.sort((a, b) => Number(b.required && !b.group) - Number(a.required && !a.group));
  return { env, evidence, warnings, codeOnly: codeOnlyCount };
}
