/**
 * `npm run bench:analysis`: runs the heuristic analyzer over every fixture in fixtures/repos and compares it with the
 * fixture's expected.json — runtime/package correctness, env-var precision/recall (by name), required/secret
 * agreement, and time per repository (goal: < 2 s for a local repository).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// Server modules import "server-only", which only resolves outside React under the react-server condition.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

type Expected = {
  subfolder?: string;
  error?: string;
  runtime?: string;
  package?: string;
  env?: { name: string; required: boolean; secret: boolean; group?: string }[];
};

const GOAL_MS = 2000;
const RUNS = 3;

async function main(): Promise<number> {
  const { analyzeRepository } = await import("@/lib/server/analysis/analyze-repository");
  const root = join(process.cwd(), "fixtures", "repos");
  const rows: string[][] = [["fixture", "runtime", "package", "env P", "env R", "req/secret", "median ms"]];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let launchOk = 0;
  let flagsOk = 0;
  let flagsAll = 0;
  let slowest = 0;
  const fixtures = readdirSync(root).filter((d) => existsSync(join(root, d, "expected.json")));
  for (const name of fixtures) {
    const expected = JSON.parse(readFileSync(join(root, name, "expected.json"), "utf8")) as Expected;
    const dir = join(root, name, expected.subfolder ?? "");
    const times: number[] = [];
    let outcome: Awaited<ReturnType<typeof analyzeRepository>> | { code: string } | undefined;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      outcome = await analyzeRepository(dir, { allowLocalPaths: true }).catch((e: { code?: string }) => ({ code: e.code ?? "crash" }));
      times.push(performance.now() - started);
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    slowest = Math.max(slowest, ms);
    if (!outcome || "code" in outcome) {
      const ok = expected.error !== undefined && outcome?.code === expected.error;
      launchOk += ok ? 1 : 0;
      rows.push([name, ok ? `ok (${expected.error})` : `FAIL ${outcome?.code}`, "-", "-", "-", "-", ms.toFixed(0)]);
      continue;
    }
    const { spec } = outcome;
    const runtimeOk = spec.runtime === expected.runtime;
    const packageOk = spec.package === expected.package;
    if (runtimeOk && packageOk) launchOk++;
    const want = new Map((expected.env ?? []).map((e) => [e.name, e]));
    const got = new Map(spec.env.map((e) => [e.name, e]));
    const hits = [...got.keys()].filter((n) => want.has(n));
    tp += hits.length;
    fp += got.size - hits.length;
    fn += want.size - hits.length;
    const agree = hits.filter((n) => got.get(n)?.required === want.get(n)?.required && got.get(n)?.secret === want.get(n)?.secret && (got.get(n)?.group ?? "") === (want.get(n)?.group ?? "")).length;
    flagsOk += agree;
    flagsAll += hits.length;
    const pct = (a: number, b: number) => (b === 0 ? "100%" : `${Math.round((100 * a) / b)}%`);
    rows.push([
      name,
      runtimeOk ? `ok ${spec.runtime}` : `FAIL ${spec.runtime}`,
      packageOk ? "ok" : `FAIL ${spec.package}`,
      pct(hits.length, got.size),
      pct(hits.length, want.size),
      `${agree}/${hits.length}`,
      ms.toFixed(0),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  console.log(`\nlaunch (runtime+package or expected error) correct: ${launchOk}/${fixtures.length}`);
  console.log(`env vars: precision ${(precision * 100).toFixed(1)}%  recall ${(recall * 100).toFixed(1)}%  (tp ${tp}, fp ${fp}, fn ${fn})`);
  console.log(`required/secret/group agreement on found vars: ${flagsOk}/${flagsAll}`);
  console.log(`slowest repository: ${slowest.toFixed(0)} ms (goal < ${GOAL_MS} ms) ${slowest < GOAL_MS ? "ok" : "OVER"}`);
  return slowest < GOAL_MS && launchOk === fixtures.length ? 0 : 1;
}

main().then((code) => process.exit(code));
