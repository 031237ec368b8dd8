import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * For a zero-configuration local start: a random secret generated once into the data folder (mode 0600) and reused.
 * Production sets the real variable; this is only reached when it is unset, and says so.
 */
export function readOrCreateLocalSecret(options: { dataDir: string; name: string; variable: string; generate?: () => string }): string {
  const dir = resolve(options.dataDir);
  const file = join(dir, `${options.name}.secret`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const value = (options.generate ?? (() => randomBytes(32).toString("base64url")))();
  try {
    writeFileSync(file, value + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process (a worker, the CLI) created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  console.warn(`[catwalk] ${options.variable} is not set: generated a development value into ${file}. Set ${options.variable} in production.`);
  return value;
}
