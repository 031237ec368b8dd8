import "server-only";
import type { ServerSpec } from "@/lib/spec/server-spec";

/** A client-config entry or shell command reduced to what Catwalk can use. */
export type ParsedLaunch = {
  /** "package": a published npm/PyPI package or an image; "local": runs files from a clone (node build/index.js, uv --directory). */
  kind: "package" | "local" | "unknown";
  runtime?: ServerSpec["runtime"];
  package?: string;
  version?: string;
  entry?: string;
  /** Arguments after the package that everyone passes (`stdio`, `--read-only`). */
  fixedArgs: string[];
  /** Arguments the user must fill in, with a readable name. */
  userArgs: { name: string; example: string }[];
  /** env given on the command line (`-e NAME=value`, `NAME=value npx …`). */
  env: Record<string, string>;
  transport?: ServerSpec["transport"];
};

/** Splits a shell command line into words, honouring quotes; good enough for README one-liners. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

const launcherName = (command: string) => command.replace(/\\/g, "/").split("/").pop()?.replace(/\.(cmd|exe)$/i, "").toLowerCase() ?? "";

/** Values in docs that stand for "your value here". */
export function isUserValue(value: string): boolean {
  return (
    /[<>]|\$\{|\{\{|\/path\/to|^\/(Users|home)\/|^[A-Z]:\\|^~\/|\byour|YOUR|username|\bexample\b|\/ABSOLUTE|\.\.\.$/i.test(value) ||
    /^(postgres(ql)?|mysql|mongodb(\+srv)?|redis|sqlite):/.test(value) ||
    /^\/[\w.-]+(\/[\w.-]+)+\/?$/.test(value)
  );
}

function userArgName(value: string, flag?: string): string {
  if (flag) return flag;
  // Editor variables: VS Code fills these in, Catwalk's user must.
  if (/^\$\{(workspaceFolder|workspaceRoot|userHome|cwd)\}/.test(value)) return "directory";
  const input = value.match(/^\$\{input:([\w-]+)\}$/);
  if (input) return input[1];
  const bracket = value.match(/<([^>]+)>|\{\{?\s*([\w-]+)/);
  if (bracket) return (bracket[1] ?? bracket[2]).trim();
  if (/^(postgres(ql)?|mysql|mongodb(\+srv)?|redis):/.test(value)) return "connection string";
  if (/^sqlite:|\.db$|\.sqlite3?$/.test(value)) return "database file";
  if (/^(\/|~\/|[A-Z]:\\)/.test(value)) return "directory";
  return "argument";
}

/** Splits trailing args into fixed ones and ones the user supplies. */
function classifyArgs(args: string[]): Pick<ParsedLaunch, "fixedArgs" | "userArgs" | "transport"> {
  const fixedArgs: string[] = [];
  const userArgs: ParsedLaunch["userArgs"] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.match(/^(--?[\w-]+)=(.*)$/);
    if (eq && isUserValue(eq[2])) userArgs.push({ name: eq[1], example: arg });
    else if (/^--?[\w-]+$/.test(arg) && args[i + 1] !== undefined && !args[i + 1].startsWith("-") && isUserValue(args[i + 1])) {
      userArgs.push({ name: arg, example: `${arg} ${args[i + 1]}` });
      i++;
    } else if (!arg.startsWith("-") && isUserValue(arg)) userArgs.push({ name: userArgName(arg), example: arg });
    else fixedArgs.push(arg);
  }
  const joined = fixedArgs.join(" ");
  const transport = /--transport[= ](streamable-)?http|--http\b/.test(joined) ? "streamable-http" : undefined;
  return { fixedArgs, userArgs, transport };
}

const splitVersion = (spec: string, sep: RegExp) => {
  const m = spec.match(sep);
  return m ? { name: m[1], version: m[2] } : { name: spec };
};

/** Reads `command` + `args` (a client config) or a shell word list into a ParsedLaunch. */
export function parseLaunchCommand(command: string, rawArgs: string[]): ParsedLaunch {
  const env: Record<string, string> = {};
  // Windows wrappers (`cmd /c npx …`) run the same command as the plain form.
  if (launcherName(command) === "cmd" && /^\/c$/i.test(rawArgs[0] ?? "") && rawArgs[1]) return parseLaunchCommand(rawArgs[1], rawArgs.slice(2));
  const launcher = launcherName(command);
  const args = [...rawArgs];
  const none: ParsedLaunch = { kind: "unknown", fixedArgs: [], userArgs: [], env };

  if (launcher === "npx" || launcher === "bunx" || launcher === "pnpx") {
    let pkg: string | undefined;
    let entry: string | undefined;
    while (args.length) {
      const a = args.shift() as string;
      if (a === "-p" || a === "--package") pkg = args.shift();
      else if (a.startsWith("--package=")) pkg = a.slice(10);
      else if (/^--(prefix|cache|registry|userconfig|node-options)$/.test(a)) args.shift();
      else if (a.startsWith("-")) continue;
      else {
        if (pkg) entry = a;
        else pkg = a;
        break;
      }
    }
    if (!pkg) return none;
    // `npx /path/to/clone/build/index.js` runs a file from a clone, not a published package.
    if (/^(\.{0,2}\/|~\/|[A-Z]:\\)|\.(m?js|cjs|ts)$/i.test(pkg)) return { kind: "local", fixedArgs: [], userArgs: classifyArgs(args).userArgs, env };
    const { name, version } = splitVersion(pkg, /^(@?[^@]+)@(.+)$/);
    return { kind: "package", runtime: "npm", package: name, version: version === "latest" ? undefined : version, entry, env, ...classifyArgs(args) };
  }
  if (launcher === "uvx" || launcher === "pipx") {
    if (launcher === "pipx" && args[0] === "run") args.shift();
    let from: string | undefined;
    let first: string | undefined;
    while (args.length) {
      const a = args.shift() as string;
      if (a === "--from" || a === "--spec") from = args.shift();
      else if (a === "--with" || a === "--python" || a === "-p" || a === "--index-url") args.shift();
      else if (a.startsWith("-")) continue;
      else {
        first = a;
        break;
      }
    }
    const spec = from ?? first;
    if (!spec) return none;
    const { name, version } = splitVersion(spec.replace(/\[.*?\]/, ""), /^([\w.-]+)(?:==|@)(.+)$/);
    return { kind: "package", runtime: "python", package: name, version: version === "latest" ? undefined : version, entry: from ? first : undefined, env, ...classifyArgs(args) };
  }
  if (launcher === "docker" || launcher === "podman") {
    if (args.shift() !== "run") return none;
    while (args.length) {
      const a = args.shift() as string;
      if (a === "-e" || a === "--env") {
        const [k, ...v] = (args.shift() ?? "").split("=");
        env[k] = v.join("=");
      } else if (a.startsWith("--env=")) {
        const [k, ...v] = a.slice(6).split("=");
        env[k] = v.join("=");
      } else if (/^(-v|--volume|--network|--name|-p|--publish|--mount|--env-file|-w|--workdir|--user|-u|--platform|--entrypoint)$/.test(a)) args.shift();
      else if (a.startsWith("-")) continue;
      else {
        const { name, version } = splitVersion(a, /^([^@:]+(?::\d+\/[^:@]+)?):([\w.-]+)$/);
        return { kind: "package", runtime: "oci", package: name, version: version === "latest" ? undefined : version, env, ...classifyArgs(args) };
      }
    }
    return none;
  }
  if (/^(node|python3?|deno|bun|uv|tsx|ts-node)$/.test(launcher)) {
    // A run from a clone: drop everything up to the script or module, keep what follows for the user-args check.
    const runAt = launcher === "uv" ? args.indexOf("run") : -1;
    let rest = runAt >= 0 ? args.slice(runAt + 1) : args;
    while (rest.length && rest[0].startsWith("-")) rest = rest.slice(rest[0] === "-m" || rest[0] === "--with" ? 1 : 1);
    const { userArgs } = classifyArgs(rest.slice(1));
    return { kind: "local", fixedArgs: [], userArgs, env };
  }
  return { ...none, package: launcher };
}
