import { build } from "esbuild";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LocalRunner, type LocalRunnerOptions } from "@/lib/server/runtime/local-runner";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const launcherPath = path.join(repoRoot, "lib/server/runtime/sandbox-launch.mjs");

/** Bundles the bridge from host/ into a temp dir, so tests never depend on a stale or half-written dist/. */
export async function buildBridge(dir: string): Promise<string> {
  const outfile = path.join(dir, "host.mjs");
  await build({
    entryPoints: [path.join(repoRoot, "host/main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    logLevel: "warning",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

export async function makeWorkspace(): Promise<{ dir: string; cacheDir: string; dataDir: string; bridgePath: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "catwalk-runtime-"));
  const cacheDir = path.join(dir, "cache");
  const dataDir = path.join(dir, "data");
  await mkdir(cacheDir, { recursive: true });
  return { dir, cacheDir, dataDir, bridgePath: await buildBridge(dir) };
}

export function makeRunner(ws: { cacheDir: string; dataDir: string; bridgePath: string }, extra: Partial<LocalRunnerOptions> = {}): LocalRunner {
  return new LocalRunner({ cacheDir: ws.cacheDir, dataDir: ws.dataDir, bridgePath: ws.bridgePath, launcherPath, ...extra });
}

/**
 * A minimal stdio MCP server as plain Node, so a test controls exactly what the "server" does: `before` runs before
 * it answers initialize (probes, exits, silence), and it has one tool, `report`, that returns what `before` found.
 */
const FAKE_SERVER = String.raw`
const readline = require("node:readline");
const found = {};
async function before() { /*BEFORE*/ }
const ready = before().catch((e) => { found.error = String(e); });
const send = (m) => process.stdout.write(JSON.stringify(m) + "\n");
readline.createInterface({ input: process.stdin }).on("line", async (line) => {
  let m; try { m = JSON.parse(line); } catch { return; }
  if (m.id === undefined) return;
  await ready;
  if (m.method === "initialize") return send({ jsonrpc: "2.0", id: m.id, result: { protocolVersion: m.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "fake", version: "1.0.0" } } });
  if (m.method === "tools/list") return send({ jsonrpc: "2.0", id: m.id, result: { tools: [{ name: "report", inputSchema: { type: "object" } }] } });
  if (m.method === "tools/call") return send({ jsonrpc: "2.0", id: m.id, result: { content: [{ type: "text", text: JSON.stringify(found) }] } });
  send({ jsonrpc: "2.0", id: m.id, result: {} });
});
`;

/** Writes a fake npm package straight into the runner's cache, as if it had been installed. */
export async function fakePackage(cacheDir: string, name: string, before: string): Promise<{ package: string; version: string }> {
  const dir = path.join(cacheDir, "npm", `${name}@1.0.0`, "node_modules", name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", bin: { [name]: "server.js" } }));
  await writeFile(path.join(dir, "server.js"), FAKE_SERVER.replace("/*BEFORE*/", before));
  return { package: name, version: "1.0.0" };
}
