/**
 * `npm run bench`: the bridge against direct stdio and two peer bridges, on server-everything's echo tool.
 * To add a target (e.g. the full path through the app's /api/mcp/{id}), write a `Target` and add it to the list.
 */
import { runBench, type BenchResult } from "./measure";
import { bridge, directStdio, mcpProxy, supergateway, type Target } from "./targets";
import { appEndpoint, measureColdWake } from "./app-target";

export const TARGETS: Target[] = [directStdio, bridge, appEndpoint, supergateway, mcpProxy];

export function formatTable(result: BenchResult, baseline = directStdio.name): string {
  const header = ["target", "scenario", "p50 ms", "p99 ms", "calls/s", "RSS MB", "errors", "p50 ×", "p99 ×", "calls/s ×", "RSS ×"];
  const lines = [header];
  for (const row of result.rows) {
    const base = result.rows.find((r) => r.target === baseline && r.scenario === row.scenario);
    const ratio = (a: number, b: number | undefined): string => (b ? (a / b).toFixed(2) : "-");
    lines.push([
      row.target,
      row.scenario,
      row.p50.toFixed(2),
      row.p99.toFixed(2),
      row.callsPerSec.toFixed(0),
      row.rssMb.toFixed(0),
      String(row.errors),
      ratio(row.p50, base?.p50),
      ratio(row.p99, base?.p99),
      ratio(row.callsPerSec, base?.callsPerSec),
      ratio(row.rssMb, base?.rssMb),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const fmt = (l: string[]): string => `| ${l.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  const table = [fmt(lines[0]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.slice(1).map(fmt)];
  const spawn = Object.entries(result.spawnMs).map(([name, ms]) => `  ${name}: ${ms.toFixed(0)} ms`);
  return [...table, "", "spawn → first successful echo:", ...spawn].join("\n");
}

function goals(result: BenchResult, wake?: { medianMs: number }): string[] {
  const row = (target: string, scenario: string) => result.rows.find((r) => r.target === target && r.scenario === scenario);
  const [d1, b1, d16, b16, b64] = [row(directStdio.name, "1 session"), row(bridge.name, "1 session"), row(directStdio.name, "16 sessions"), row(bridge.name, "16 sessions"), row(bridge.name, "64 sessions")];
  const check = (ok: boolean | undefined, text: string): string => `${ok ? "PASS" : "FAIL"}  ${text}`;
  return [
    check(b1 && d1 && b1.p50 <= 3 * d1.p50, `bridge p50 at 1 session ≤ 3× direct (${b1 && d1 ? (b1.p50 / d1.p50).toFixed(2) : "?"}×)`),
    check(b16 && d16 && b16.callsPerSec >= 0.5 * d16.callsPerSec, `bridge throughput at 16 sessions ≥ 0.5× direct (${b16 && d16 ? (b16.callsPerSec / d16.callsPerSec).toFixed(2) : "?"}×)`),
    check(b64 && b64.errors === 0, `bridge at 64 sessions: 0 errors (${b64?.errors ?? "?"})`),
    check((result.spawnMs[bridge.name] ?? Infinity) <= 1000, `bridge spawn → first call ≤ 1 s (${result.spawnMs[bridge.name]?.toFixed(0)} ms)`),
    ...endpointGoals(result, wake, row, check),
  ];
}

type RowOf = (target: string, scenario: string) => BenchResult["rows"][number] | undefined;

function endpointGoals(result: BenchResult, wake: { medianMs: number } | undefined, row: RowOf, check: (ok: boolean | undefined, text: string) => string): string[] {
  const [d1, a1, d16, a16, a64] = [row(directStdio.name, "1 session"), row(appEndpoint.name, "1 session"), row(directStdio.name, "16 sessions"), row(appEndpoint.name, "16 sessions"), row(appEndpoint.name, "64 sessions")];
  if (!a1) return [];
  return [
    check(a1 && d1 && a1.p50 <= 4 * d1.p50, `/api/mcp p50 at 1 session ≤ 4× direct (${a1 && d1 ? (a1.p50 / d1.p50).toFixed(2) : "?"}×)`),
    check(a16 && d16 && a16.callsPerSec >= 0.5 * d16.callsPerSec, `/api/mcp throughput at 16 sessions ≥ 0.5× direct (${a16 && d16 ? (a16.callsPerSec / d16.callsPerSec).toFixed(2) : "?"}×)`),
    check(a64 && a64.errors === 0, `/api/mcp at 64 sessions: 0 errors (${a64?.errors ?? "?"})`),
    ...(wake ? [check(wake.medianMs <= 1500, `cold wake of an idle deployment ≤ 1.5 s (${wake.medianMs.toFixed(0)} ms median)`)] : []),
  ];
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const targets = only.length ? TARGETS.filter((t) => only.some((o) => t.name.includes(o))) : TARGETS;
  const result = await runBench(targets);
  const wake = targets.includes(appEndpoint) ? await measureColdWake() : undefined;
  console.log(formatTable(result));
  if (wake) console.log(`\ncold wake through /api/mcp (idle → first echo answered): ${wake.samples.map((s) => s.toFixed(0)).join(", ")} ms`);
  console.log(["", "goals:", ...goals(result, wake)].join("\n"));
}

if (process.argv[1]?.endsWith("run.ts")) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
