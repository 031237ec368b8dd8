import "server-only";
import { RuntimeError, type RunSpec } from "@/lib/server/runtime/runner";

/**
 * What a runner may actually execute, derived from a RunSpec and checked before anything is installed or spawned.
 * The spec comes from repository analysis (an LLM, a README), so every field is treated as hostile input.
 */
export type LaunchPlan =
  | {
      runtime: "npm";
      package: string;
      version: string;
      /** bin of the package to run; undefined = the package's default bin */
      bin?: string;
      /** with `node`: a script path inside the installed package instead of a bin */
      script?: string;
      args: string[];
    }
  | { runtime: "python"; package: string; version?: string; bin?: string; args: string[] }
  | { runtime: "oci"; image: string; args: string[] };

// npm: lowercase, optional scope, URL-safe characters only (the rules npm's validate-npm-package-name enforces).
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
// PyPI: PEP 508 project names, plus optional extras like `pkg[cli]`.
const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:\[[A-Za-z0-9._,-]+\])?$/;
// Exact versions and dist-tags only: ranges would make the package cache key meaningless.
const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}$/;
const BIN_NAME = /^[A-Za-z0-9@][A-Za-z0-9._@-]{0,127}$/;
const OCI_IMAGE = /^[a-z0-9][a-z0-9._\/:@-]{0,254}$/;

/**
 * The bridge runs outside the sandbox with the server's environment; variables that load code into Node or the
 * dynamic linker (NODE_OPTIONS=--require…, LD_PRELOAD) would run it there, unsandboxed. PATH and HOME are ours.
 */
const RESERVED_ENV = /^(?:PATH|HOME|NODE_OPTIONS|NODE_PATH|NODE_REPL_EXTERNAL_MODULE|LD_.*|DYLD_.*|UV_.*|PYTHON(?:PATH|HOME|STARTUP))$/;

const ALLOWED_COMMANDS: Record<RunSpec["runtime"], readonly string[]> = {
  npm: ["npx", "node"],
  python: ["uvx", "python", "python3"],
  oci: ["docker"],
};

/** Launcher options that take the next argv entry as their value and that we understand. */
const NPX_VALUE_OPTIONS = new Set(["-p", "--package"]);
const NPX_FLAGS = new Set(["-y", "--yes", "-q", "--quiet", "--no-install"]);

function invalid(message: string): never {
  throw new RuntimeError("invalid_spec", message);
}

function checkName(name: string, runtime: "npm" | "python"): void {
  if (runtime === "npm" ? !NPM_NAME.test(name) || name.length > 214 : !PYPI_NAME.test(name) || name.length > 200) {
    invalid(`"${clip(name)}" is not a valid ${runtime === "npm" ? "npm" : "PyPI"} package name`);
  }
  if (name.includes("..")) invalid(`"${clip(name)}" is not a valid package name`);
}

function checkVersion(version: string | undefined): void {
  if (version !== undefined && !VERSION.test(version)) invalid(`"${clip(version)}" is not an exact version or tag`);
}

/** Splits `@scope/name@1.2.3` / `name@1.2.3` / `name` into name and version. */
export function splitNpmSpec(spec: string): { name: string; version?: string } {
  const at = spec.lastIndexOf("@");
  if (at <= 0) return { name: spec };
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/** Server arguments are passed as argv (no shell), but still must not carry control characters into logs/UI. */
function checkServerArgs(args: string[]): void {
  for (const arg of args) {
    if (/[\0\r\n]/.test(arg)) invalid("arguments must not contain NUL or newline characters");
  }
}

function planNpx(spec: RunSpec): LaunchPlan {
  let explicitPackage: string | undefined;
  let i = 0;
  for (; i < spec.args.length; i++) {
    const arg = spec.args[i];
    if (NPX_FLAGS.has(arg)) continue;
    if (NPX_VALUE_OPTIONS.has(arg)) {
      explicitPackage = spec.args[++i];
      if (explicitPackage === undefined) invalid(`${arg} needs a package`);
      continue;
    }
    if (arg.startsWith("--package=")) {
      explicitPackage = arg.slice("--package=".length);
      continue;
    }
    // Anything else that looks like an option belongs to npx itself (`--call`, `-c`, `--node-options`, …): refuse.
    if (arg.startsWith("-")) invalid(`npx option "${clip(arg)}" is not allowed`);
    break;
  }
  const positional = spec.args[i];
  if (positional === undefined) invalid("npx needs a package to run");
  const rest = spec.args.slice(i + 1);

  const fromArgs = splitNpmSpec(explicitPackage ?? positional);
  checkName(fromArgs.name, "npm");
  checkVersion(fromArgs.version);
  if (fromArgs.name !== spec.package) {
    invalid(`npx runs "${clip(fromArgs.name)}" but the spec's package is "${clip(spec.package)}"`);
  }
  let bin: string | undefined;
  if (explicitPackage !== undefined) {
    if (!BIN_NAME.test(positional)) invalid(`"${clip(positional)}" is not a valid command name`);
    bin = positional;
  }
  checkServerArgs(rest);
  return { runtime: "npm", package: spec.package, version: spec.version ?? fromArgs.version ?? "latest", bin, args: rest };
}

const NODE_SCRIPT = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._@\/-]+\.(?:c|m)?js$/;

function planNode(spec: RunSpec): LaunchPlan {
  const [script, ...rest] = spec.args;
  if (script === undefined) invalid("node needs a script inside the package");
  // Blocks -e/--eval/-r/--require/--import/--inspect and every other option: the first argument must be a script.
  if (script.startsWith("-")) invalid(`node option "${clip(script)}" is not allowed`);
  if (!NODE_SCRIPT.test(script)) invalid(`"${clip(script)}" must be a relative .js path inside the package`);
  checkServerArgs(rest);
  return { runtime: "npm", package: spec.package, version: spec.version ?? "latest", script, args: rest };
}

function planPython(spec: RunSpec): LaunchPlan {
  if (spec.command === "uvx") {
    const args = [...spec.args];
    let from: string | undefined;
    while (args[0]?.startsWith("-")) {
      const option = args.shift() as string;
      if (option !== "--from") invalid(`uvx option "${clip(option)}" is not allowed`);
      from = args.shift();
    }
    const tool = args.shift();
    if (tool === undefined) invalid("uvx needs a tool to run");
    const [name, version] = (from ?? tool).split("==");
    checkName(name, "python");
    checkVersion(version);
    if (name.toLowerCase() !== spec.package.toLowerCase()) invalid(`uvx runs "${clip(name)}" but the spec's package is "${clip(spec.package)}"`);
    if (!BIN_NAME.test(tool.split("==")[0])) invalid(`"${clip(tool)}" is not a valid command name`);
    checkServerArgs(args);
    return { runtime: "python", package: spec.package, version: spec.version ?? version, bin: from ? tool : undefined, args };
  }
  // python -m <module> is the only form accepted: `-c`, `-i`, script paths on the host are all refused.
  const [flag, module, ...rest] = spec.args;
  if (flag !== "-m" || module === undefined || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(module)) {
    invalid("python may only be used as `python -m <module>`");
  }
  checkServerArgs(rest);
  return { runtime: "python", package: spec.package, version: spec.version, bin: module, args: rest };
}

/** Validates a RunSpec without side effects; throws RuntimeError("invalid_spec") with a message a user can act on. */
export function validateLaunch(spec: RunSpec): LaunchPlan {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(spec.deploymentId)) invalid("deployment id must be 1-64 letters, digits, - or _");
  const allowed = ALLOWED_COMMANDS[spec.runtime];
  if (!allowed) invalid(`unknown runtime "${clip(String(spec.runtime))}"`);
  if (!allowed.includes(spec.command)) {
    invalid(`command "${clip(spec.command)}" is not allowed for ${spec.runtime}; use ${allowed.join(" or ")}`);
  }
  for (const name of Object.keys(spec.env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) invalid(`"${clip(name)}" is not a valid environment variable name`);
    if (RESERVED_ENV.test(name)) invalid(`the environment variable ${name} is set by Catwalk and cannot be configured`);
  }
  checkVersion(spec.version);
  if (spec.runtime === "oci") {
    if (!OCI_IMAGE.test(spec.package) || spec.package.includes("..")) invalid(`"${clip(spec.package)}" is not a valid image reference`);
    checkServerArgs(spec.args);
    return { runtime: "oci", image: spec.package, args: spec.args };
  }
  checkName(spec.package, spec.runtime);
  if (spec.runtime === "python") return planPython(spec);
  return spec.command === "npx" ? planNpx(spec) : planNode(spec);
}
