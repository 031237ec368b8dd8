/** Entry point of the bridge: `node dist/host.mjs [options] -- <command> [args…]` (also `catwalk host`). */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { USAGE, UsageError, parseArgs } from "./args";
import { SecretFileError } from "./secret-files";
import { startHost } from "./server";

/** Runs until SIGTERM/SIGINT; resolves with the process exit code. */
export async function runHost(argv: string[]): Promise<number> {
  if (argv.includes("--help") && !argv.slice(0, argv.indexOf("--help")).includes("--")) {
    console.log(USAGE);
    return 0;
  }
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`catwalk host: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  // Handlers go in before anything is printed: a runner that reads "listening" and at once sends SIGTERM must find
  // them installed, or the default action would kill the bridge and orphan the server.
  let stopRequested: NodeJS.Signals | undefined;
  let onStop: (signal: NodeJS.Signals) => void = (signal) => (stopRequested = signal);
  const onSignal = (signal: NodeJS.Signals): void => onStop(signal);
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  let host;
  try {
    host = await startHost(options);
  } catch (error) {
    if (!(error instanceof SecretFileError)) throw error;
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    console.error(`catwalk host: ${error.message}`);
    return 1;
  }
  process.stdout.write(JSON.stringify({ event: "listening", host: host.host, port: host.port }) + "\n");
  return new Promise<number>((resolve) => {
    let code = 0;
    onStop = (signal) => {
      host.logger.log("system", `received ${signal}, stopping`);
      host.stop().finally(() => resolve(code));
    };
    // If the bridge itself crashes, its server must not be left running without anyone to talk to.
    process.once("uncaughtException", (error) => {
      code = 1;
      host.logger.log("system", `bridge crashed: ${error.stack ?? error.message}`);
      onStop("SIGTERM");
    });
    if (stopRequested) onStop(stopRequested);
    if (options.exitWithParent) watchParent(() => onStop("SIGTERM"));
  });
}

/**
 * A parent that dies (even by SIGKILL) cannot stop its bridge; the bridge notices that it was handed to another
 * parent and stops itself, taking its server with it.
 */
function watchParent(stop: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, 500);
  timer.unref();
}

// Run when this file is the program (dist/host.mjs or `tsx host/main.ts`), not when imported by the CLI or tests.
if (isEntry()) {
  runHost(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`catwalk host: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

function isEntry(): boolean {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
