/** Drives targets with concurrent echo calls and reports latency, throughput, memory and start-up time. */
import { readFileSync } from "node:fs";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { listProcesses } from "../host/testing/harness";
import type { Instance, Target } from "./targets";

export type Scenario = { name: string; sessions: number; payloadBytes: number; durationMs: number };

export type Row = {
  target: string;
  scenario: string;
  p50: number;
  p99: number;
  callsPerSec: number;
  rssMb: number;
  errors: number;
  calls: number;
};

export type BenchResult = { rows: Row[]; spawnMs: Record<string, number> };

export const DEFAULT_SCENARIOS: Scenario[] = [
  { name: "1 session", sessions: 1, payloadBytes: 16, durationMs: 2_500 },
  { name: "16 sessions", sessions: 16, payloadBytes: 16, durationMs: 2_500 },
  { name: "64 sessions", sessions: 64, payloadBytes: 16, durationMs: 2_500 },
  { name: "1 session, 64 KiB", sessions: 1, payloadBytes: 64 * 1024, durationMs: 2_000 },
  { name: "16 sessions, 64 KiB", sessions: 16, payloadBytes: 64 * 1024, durationMs: 2_000 },
];

export async function runBench(targets: Target[], scenarios: Scenario[] = DEFAULT_SCENARIOS, log: (line: string) => void = console.error): Promise<BenchResult> {
  const rows: Row[] = [];
  const spawnMs: Record<string, number> = {};
  for (const target of targets) {
    const t0 = performance.now();
    const instance = await target.start();
    try {
      const first = await instance.connect();
      await echo(first, "first");
      spawnMs[target.name] = performance.now() - t0;
      log(`${target.name}: first call after ${spawnMs[target.name].toFixed(0)} ms`);
      for (const scenario of scenarios) {
        const row = await runScenario(target.name, instance, scenario);
        log(`  ${scenario.name}: p50 ${row.p50.toFixed(2)} ms, ${row.callsPerSec.toFixed(0)} calls/s, ${row.errors} errors`);
        rows.push(row);
      }
    } finally {
      await instance.stop();
    }
  }
  return { rows, spawnMs };
}

async function runScenario(target: string, instance: Instance, scenario: Scenario): Promise<Row> {
  const clients: Client[] = [];
  for (let i = 0; i < scenario.sessions; i++) clients.push(await instance.connect());
  const message = "x".repeat(scenario.payloadBytes);
  await Promise.all(clients.map(async (c) => { for (let i = 0; i < 5; i++) await echo(c, message); }));

  const latencies: number[] = [];
  let errors = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(instance.pids()))), 100);
  const started = performance.now();
  const deadline = started + scenario.durationMs;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await echo(client, message);
          latencies.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, rssOf(instance.pids()));
  if (!instance.shared) await Promise.allSettled(clients.map(endSession));
  latencies.sort((a, b) => a - b);
  return {
    target,
    scenario: scenario.name,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    callsPerSec: (latencies.length / elapsed) * 1000,
    rssMb: peakRss / 1024,
    errors,
    calls: latencies.length,
  };
}

async function echo(client: Client, message: string): Promise<void> {
  const result = (await client.callTool({ name: "echo", arguments: { message } })) as { content?: Array<{ text?: string }> };
  // A wrong answer is an error too, not a fast call.
  if (result.content?.[0]?.text?.length !== message.length + "Echo: ".length) throw new Error("wrong echo");
}

async function endSession(client: Client): Promise<void> {
  const transport = client.transport;
  if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => {});
  await client.close();
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Resident memory in KiB of the given processes and all their descendants. */
function rssOf(roots: number[]): number {
  const procs = listProcesses();
  const wanted = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) if (wanted.has(p.ppid) && !wanted.has(p.pid)) {
      wanted.add(p.pid);
      grew = true;
    }
  }
  let total = 0;
  for (const pid of wanted) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += match ? Number(match[1]) : 0;
    } catch {
      // gone already
    }
  }
  return total;
}
