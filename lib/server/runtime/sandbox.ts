import "server-only";
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readlinkSync } from "node:fs";
import path from "node:path";

export type SandboxMode = "auto" | "bubblewrap" | "none";

export type SandboxDescription = {
  kind: "bubblewrap" | "none";
  /** outbound-only: internet yes, the host's loopback services no; host: everything the host can reach */
  network: "outbound-only" | "none" | "host";
  /** said to the user when the sandbox is weaker than the full one */
  reason?: string;
  /** which user-mode network helper gives the namespace its outbound access */
  netHelper?: "pasta" | "slirp4netns";
};

export type SandboxTools = { bwrap: string; pasta: string; slirp4netns: string };

const DEFAULT_TOOLS: SandboxTools = { bwrap: "/usr/bin/bwrap", pasta: "/usr/bin/pasta", slirp4netns: "/usr/bin/slirp4netns" };
const probeCache = new Map<string, string | undefined>();

/** bwrap can be installed yet unusable (user namespaces disabled, seccomp in a container): try it once. */
function bwrapProblem(bwrap: string): string | undefined {
  if (probeCache.has(bwrap)) return probeCache.get(bwrap);
  let problem: string | undefined;
  if (!existsSync(bwrap)) problem = "bubblewrap (bwrap) is not installed";
  else {
    const args = ["--unshare-all", "--die-with-parent", ...systemBinds(), ...nodeBinds(), "--", process.execPath, "-e", "0"];
    const result = spawnSync(bwrap, args, { timeout: 5000, encoding: "utf8" });
    if (result.status !== 0) problem = `bubblewrap cannot create a sandbox here: ${(result.stderr || result.error?.message || "").trim().slice(0, 200)}`;
  }
  probeCache.set(bwrap, problem);
  return problem;
}

/** What isolation a locally run MCP server gets on this host, in words the dashboard can show as they are. */
export function describeSandbox(mode: SandboxMode = "auto", tools: SandboxTools = DEFAULT_TOOLS): SandboxDescription {
  if (mode === "none") return { kind: "none", network: "host", reason: "sandboxing is turned off (CATWALK_SANDBOX=none)" };
  const problem = bwrapProblem(tools.bwrap);
  if (problem) return { kind: "none", network: "host", reason: problem };
  if (existsSync(/* turbopackIgnore: true */ tools.pasta)) return { kind: "bubblewrap", network: "outbound-only", netHelper: "pasta" };
  if (existsSync(/* turbopackIgnore: true */ tools.slirp4netns)) {
    return {
      kind: "bubblewrap",
      network: "outbound-only",
      netHelper: "slirp4netns",
      reason: "slirp4netns blocks the host's loopback, but services the host exposes on its other addresses stay reachable",
    };
  }
  return { kind: "bubblewrap", network: "none", reason: "neither pasta nor slirp4netns is installed, so the server has no network" };
}

/** Where the sandboxed process sees its package. */
export const SANDBOX_APP_DIR = "/app";

export type SandboxCommandOptions = {
  description: SandboxDescription;
  tools?: SandboxTools;
  launcherPath: string;
  /** the installed package; mounted read-only at /app */
  packageRoot: string;
  /** program and args as they would run unsandboxed; argv[0] "node" means this Node */
  argv: string[];
  /** names of the server's env vars; their values reach bwrap through the environment, never through argv */
  envNames: string[];
  /** the deployment's own writable folder, kept across restarts; mounted at /data, the server's home and cwd */
  dataDir?: string;
};

export const SANDBOX_DATA_DIR = "/data";

function systemBinds(): string[] {
  const args: string[] = ["--ro-bind", "/usr", "/usr"];
  // On merged-/usr systems these are symlinks, elsewhere real directories: mirror whichever the host has.
  for (const dir of ["/bin", "/lib", "/lib64", "/sbin", "/lib32"]) {
    if (!existsSync(/* turbopackIgnore: true */ dir)) continue;
    if (lstatSync(dir).isSymbolicLink()) args.push("--symlink", readlinkSync(dir), dir);
    else args.push("--ro-bind", dir, dir);
  }
  // Only what a network client needs from /etc: name resolution, TLS roots, user lookup.
  for (const file of ["/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/passwd", "/etc/group", "/etc/ssl", "/etc/ca-certificates", "/etc/localtime"]) {
    args.push("--ro-bind-try", file, file);
  }
  return args;
}

/** A Node installed outside /usr (nvm, /opt) must be visible inside the sandbox, read-only, and nothing else beside it. */
function nodeBinds(): string[] {
  const execPath = process.execPath;
  if (execPath.startsWith("/usr/")) return [];
  const prefix = path.dirname(path.dirname(execPath));
  return ["--ro-bind", prefix, prefix];
}

function insideSandbox(packageRoot: string, value: string): string {
  if (value === packageRoot || value.startsWith(packageRoot + path.sep)) return SANDBOX_APP_DIR + value.slice(packageRoot.length);
  return value;
}

/** The command the bridge should spawn so that the server runs inside bubblewrap (through the network launcher). */
export function buildSandboxCommand(options: SandboxCommandOptions): string[] {
  const tools = options.tools ?? DEFAULT_TOOLS;
  const [program, ...rest] = options.argv;
  const target = [program === "node" ? process.execPath : insideSandbox(options.packageRoot, program), ...rest.map((a) => insideSandbox(options.packageRoot, a))];
  const bwrapArgs = [
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--hostname",
    "catwalk-sandbox",
    ...systemBinds(),
    ...nodeBinds(),
    "--ro-bind",
    options.packageRoot,
    SANDBOX_APP_DIR,
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--tmpfs",
    "/tmp",
    ...(options.dataDir ? ["--bind", options.dataDir, SANDBOX_DATA_DIR] : []),
    "--chdir",
    options.dataDir ? SANDBOX_DATA_DIR : "/tmp",
    "--setenv",
    "HOME",
    options.dataDir ? SANDBOX_DATA_DIR : "/tmp",
    "--setenv",
    "PATH",
    "/usr/local/bin:/usr/bin:/bin",
    "--",
    ...target,
  ];
  const net = options.description.network === "outbound-only" && options.description.netHelper ? options.description.netHelper : "none";
  const keep = options.envNames.flatMap((name) => ["--keep-env", name]);
  return [process.execPath, options.launcherPath, "--net", net, ...keep, "--", tools.bwrap, ...bwrapArgs];
}
