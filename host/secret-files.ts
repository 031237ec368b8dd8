/**
 * `--secret-file NAME=PATH`: secrets handed to the bridge as files (Fly writes them from the machine config's
 * `files`), so the values never sit in the machine's env config or in the bridge's argv.
 */
import { readFileSync } from "node:fs";

export type SecretFile = { name: string; path: string };

/** A secret file that cannot be read; the message names the variable and the path, never a value. */
export class SecretFileError extends Error {}

/** Reads every file once, at start: a server restart later must not pick up a half-rewritten file. */
export function readSecretFiles(files: SecretFile[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name, path } of files) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new SecretFileError(`cannot read --secret-file ${name}=${path}: ${describe(error as NodeJS.ErrnoException)}`);
    }
    // `echo value > file` and editors add one newline that is not part of the secret; anything more is kept.
    env[name] = text.replace(/\r?\n$/, "");
  }
  return env;
}

function describe(error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") return "no such file";
  if (error.code === "EISDIR") return "it is a directory";
  // The image runs the bridge as a non-root user, while the platform may write the file as root.
  if (error.code === "EACCES") return `permission denied for uid ${process.getuid?.() ?? "?"}`;
  return error.code ?? error.message;
}
