import "server-only";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { RuntimeError } from "@/lib/server/runtime/runner";
import type { LaunchPlan } from "@/lib/server/runtime/validate-launch";

export type InstalledPackage = {
  /** directory the sandbox mounts read-only; everything the server needs lives below it */
  root: string;
  /** program and arguments to run, with paths below `root` */
  argv: string[];
};

export type InstallOptions = {
  cacheDir: string;
  plan: Exclude<LaunchPlan, { runtime: "oci" }>;
  log: (line: string) => void;
  /** Install scripts run unsandboxed on the host, so they are off unless an operator opts in. */
  allowInstallScripts?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
};

type RunResult = { code: number | null; output: string };

function run(command: string, args: string[], options: { env: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal; log: (l: string) => void }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output = (output + text).slice(-20_000);
      for (const line of text.split("\n")) if (line.trim()) options.log(line.trimEnd());
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      kill();
      output += `\n${command} timed out after ${Math.round(options.timeoutMs / 1000)} s`;
    }, options.timeoutMs);
    options.signal?.addEventListener("abort", kill, { once: true });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", kill);
      resolve({ code, output });
    });
  });
}

/**
 * npm's error output is long and repetitive; keep the lines that say what went wrong, and lead with a plain sentence
 * for the failure people meet most (a name the registry does not know).
 */
export function summarize(output: string, requested: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.replace(/^npm (ERR!|error) ?/, "").replace(/^404 +/, "").trim())
    .filter((l) => l && !/^(404|code E\w+)$/.test(l) && !/^A complete log of this run/.test(l) && !/^\s*\/.*\.log$/.test(l))
    .filter((l) => !/^Note that you can also install from a$|^tarball, folder, http url, or git url\.$/.test(l));
  const unique = [...new Set(lines)];
  if (/\bE404\b/.test(output)) unique.unshift(`npm has no package ${requested} (the registry answered 404): check the name and version.`);
  const text = unique.slice(0, 6).join("\n");
  return text.length > 600 ? `${text.slice(0, 597)}...` : text || "installer failed without output";
}

async function resolveBin(packageDir: string, pkgName: string, wanted: string | undefined): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
  const unscoped = pkgName.split("/").pop() as string;
  const bins = typeof manifest.bin === "string" ? { [unscoped]: manifest.bin } : (manifest.bin ?? {});
  const names = Object.keys(bins);
  const chosen = wanted ?? (names.length === 1 ? names[0] : names.find((n) => n === unscoped));
  if (!chosen || !bins[chosen]) {
    const offered = names.length ? `it offers ${names.join(", ")}` : "it has no bin";
    throw new RuntimeError("install_failed", `${pkgName} has no command ${wanted ? `"${wanted}"` : "to run"} (${offered})`);
  }
  return checkInside(packageDir, bins[chosen]);
}

function checkInside(root: string, relative: string): string {
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new RuntimeError("install_failed", `"${relative}" points outside the package`);
  return full;
}

/** npm (11) wants a HOME and a cache; nothing else from the app's environment (DATABASE_URL, keys) reaches it. */
function installerEnv(cacheDir: string): NodeJS.ProcessEnv {
  // Cast: Next's type augmentation makes NODE_ENV mandatory in ProcessEnv; npm must not inherit the app's.
  return {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: path.join(cacheDir, "home"),
    npm_config_cache: path.join(cacheDir, "npm-cache"),
    npm_config_update_notifier: "false",
    // The operator's registry mirror, proxy and TLS trust settings are configuration, not secrets, and installs
    // behind a TLS-inspecting proxy fail without them.
    ...pick(process.env, ["npm_config_registry", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy", ...TRUST_ENV]),
  } as Record<string, string> as NodeJS.ProcessEnv;
}

/** Where the host keeps extra TLS roots; servers calling out through the same proxy need them too. */
export const TRUST_ENV = ["NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR"];

export function pick(source: NodeJS.ProcessEnv, names: string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.filter((n) => source[n] !== undefined).map((n) => [n, source[n]]));
}

async function installNpm(options: InstallOptions & { plan: { runtime: "npm" } }): Promise<InstalledPackage> {
  const { plan, cacheDir } = options;
  const root = path.join(cacheDir, "npm", `${plan.package}@${plan.version}`.replace("/", "+"));
  const packageDir = path.join(root, "node_modules", plan.package);
  if (!existsSync(path.join(packageDir, "package.json"))) {
    // Install into a scratch folder and rename, so a half-finished install never looks like a cache hit.
    const scratch = `${root}.partial-${process.pid}-${Date.now()}`;
    await mkdir(scratch, { recursive: true });
    options.log(`installing ${plan.package}@${plan.version}`);
    const args = ["install", "--prefix", scratch, "--no-audit", "--no-fund", "--no-save", "--omit=dev"];
    if (!options.allowInstallScripts) args.push("--ignore-scripts");
    args.push(`${plan.package}@${plan.version}`);
    const started = Date.now();
    const result = await run("npm", args, { env: installerEnv(cacheDir), timeoutMs: options.timeoutMs ?? 120_000, signal: options.signal, log: options.log }).catch(
      (error: Error) => ({ code: -1, output: `cannot run npm: ${error.message}` }),
    );
    if (result.code !== 0) {
      await rm(scratch, { recursive: true, force: true });
      throw new RuntimeError("install_failed", summarize(result.output, `${plan.package}@${plan.version}`));
    }
    await rm(root, { recursive: true, force: true });
    await rename(scratch, root);
    options.log(`installed ${plan.package}@${plan.version} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const program = plan.script ? checkInside(packageDir, plan.script) : await resolveBin(packageDir, plan.package, plan.bin);
  if (!existsSync(program)) throw new RuntimeError("install_failed", `${plan.package} has no file ${path.relative(packageDir, program)}`);
  // `node <file>` directly: an npx wrapper would outlive a kill and hide the real process from the bridge.
  return { root, argv: ["node", program, ...plan.args] };
}

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function installPython(options: InstallOptions & { plan: { runtime: "python" } }): Promise<InstalledPackage> {
  const { plan, cacheDir } = options;
  const uv = which("uv");
  if (!uv) throw new RuntimeError("install_failed", "uv is not installed on this host, so Python MCP servers cannot run here (install uv: https://docs.astral.sh/uv/)");
  const root = path.join(cacheDir, "uv", `${plan.package}@${plan.version ?? "latest"}`);
  const binDir = path.join(root, "bin");
  const requirement = plan.version ? `${plan.package}==${plan.version}` : plan.package;
  const command = plan.bin ?? plan.package.replace(/\[.*$/, "");
  if (!existsSync(path.join(binDir, command))) {
    const env = { ...installerEnv(cacheDir), UV_TOOL_DIR: path.join(root, "tools"), UV_TOOL_BIN_DIR: binDir, UV_CACHE_DIR: path.join(cacheDir, "uv-cache"), UV_PYTHON_INSTALL_DIR: path.join(root, "python") };
    const result = await run(uv, ["tool", "install", "--force", requirement], { env, timeoutMs: options.timeoutMs ?? 180_000, signal: options.signal, log: options.log });
    if (result.code !== 0) throw new RuntimeError("install_failed", summarize(result.output, requirement));
  }
  return { root, argv: [path.join(binDir, command), ...plan.args] };
}

/** Installs into the per-package cache (with network, unsandboxed, no install scripts) and says what to run. */
export async function installPackage(options: InstallOptions): Promise<InstalledPackage> {
  await mkdir(options.cacheDir, { recursive: true });
  const plan = options.plan;
  if (plan.runtime === "npm") return installNpm({ ...options, plan });
  return installPython({ ...options, plan });
}
