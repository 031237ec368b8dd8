/** argv → HostOptions for `catwalk host` and `node dist/host.mjs`. */
import { DEFAULT_BODY_LIMIT, type HostOptions } from "./server";

export const USAGE = `usage: catwalk host [options] -- <command> [args…]

Serves a stdio MCP server over Streamable HTTP on /mcp (health on /healthz).

  --host H             address to bind (default 127.0.0.1)
  --port P             port (default 0: any free port)
  --secret-env NAME    env var whose value is redacted from logs (repeatable)
  --secret-file NAME=PATH
                       read env var NAME for the server from the file PATH (one trailing newline trimmed);
                       its value is redacted from logs (repeatable)
  --body-limit BYTES   largest accepted request body (default ${DEFAULT_BODY_LIMIT})
  --allowed-origin O   browser Origin to accept besides loopback ones, or * (repeatable)
  --allowed-host H     Host header to accept (repeatable; default: loopback names, or any when bound elsewhere)
  --init-timeout MS    how long the server may take to answer initialize (default 60000)
  --exit-with-parent   stop (and stop the server) when the process that started the bridge exits`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): HostOptions {
  const options: HostOptions = {
    host: "127.0.0.1",
    port: 0,
    command: "",
    args: [],
    secretEnv: [],
    secretFiles: [],
    bodyLimit: DEFAULT_BODY_LIMIT,
    allowedOrigins: [],
    allowedHosts: [],
    initTimeoutMs: 60_000,
  };
  let i = 0;
  const value = (flag: string): string => {
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const number = (flag: string, min: number): number => {
    const raw = value(flag);
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
    return n;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      [options.command, ...options.args] = argv.slice(i + 1);
      break;
    }
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq !== -1) {
      // --flag=value: rewrite in place so the same parser handles both spellings
      argv = [...argv.slice(0, i), arg.slice(0, eq), arg.slice(eq + 1), ...argv.slice(i + 1)];
      i -= 1;
      continue;
    }
    if (arg === "--host") options.host = value(arg);
    else if (arg === "--port") options.port = number(arg, 0);
    else if (arg === "--secret-env") options.secretEnv.push(value(arg));
    else if (arg === "--secret-file") options.secretFiles.push(secretFile(value(arg)));
    else if (arg === "--body-limit") options.bodyLimit = number(arg, 1);
    else if (arg === "--allowed-origin") options.allowedOrigins.push(value(arg));
    else if (arg === "--allowed-host") options.allowedHosts.push(value(arg));
    else if (arg === "--init-timeout") options.initTimeoutMs = number(arg, 1);
    else if (arg === "--exit-with-parent") options.exitWithParent = true;
    else throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
  }
  if (!options.command) throw new UsageError("missing the server command after --");
  if (options.port > 65535) throw new UsageError("--port must be ≤ 65535");
  return options;
}

/** Names a child process can actually receive: POSIX-style, so a typo like "API-KEY" fails here and not in the server. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function secretFile(raw: string): { name: string; path: string } {
  const eq = raw.indexOf("=");
  const name = eq === -1 ? "" : raw.slice(0, eq);
  const path = eq === -1 ? "" : raw.slice(eq + 1);
  if (!ENV_NAME.test(name) || path === "") throw new UsageError(`--secret-file needs NAME=PATH, got ${JSON.stringify(raw)}`);
  return { name, path };
}
