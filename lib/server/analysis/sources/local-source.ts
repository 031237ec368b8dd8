import "server-only";
import { execFile } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { AnalysisError } from "../analysis-error";
import type { RepoSnapshot, RepoSource, SourceContext } from "./repo-source";
import { isSkippedDir, selectFiles, type ListedFile } from "./select-files";

const run = promisify(execFile);
/** A walk stops after this many directory entries, so a vast checkout cannot stall analysis. */
const MAX_WALK_ENTRIES = 50_000;

/** Reads a directory on this machine (the CLI, or a fresh clone made by the git source). */
export function createLocalSource(path: string, display?: { repositoryUrl: string; subfolder?: string }): RepoSource {
  const root = resolve(path);
  return {
    kind: "local",
    label: display?.repositoryUrl ?? root,
    fetchSnapshot: (context) => readLocalSnapshot(root, context, display),
  };
}

export async function readLocalSnapshot(
  root: string,
  context: SourceContext,
  display?: { repositoryUrl: string; subfolder?: string; commit?: string },
): Promise<RepoSnapshot> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new AnalysisError("not_found", `No directory at ${root}.`);
  const warnings: string[] = [];
  const listed = await walk(root, context, warnings);
  const selection = selectFiles(listed, context.options);
  warnings.push(...selection.warnings);
  const files = new Map<string, string>();
  for (const path of selection.paths) {
    if (context.signal.aborted) break;
    files.set(path, await readFile(join(root, path), "utf8"));
  }
  return {
    repositoryUrl: display?.repositoryUrl ?? root,
    subfolder: display?.subfolder,
    commit: display?.commit ?? (await gitHead(root)),
    files,
    warnings,
  };
}

async function walk(root: string, context: SourceContext, warnings: string[]): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  const pending = [root];
  let seen = 0;
  while (pending.length > 0) {
    const dir = pending.shift() as string;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (++seen > MAX_WALK_ENTRIES || context.signal.aborted) {
        warnings.push(`Stopped listing files after ${MAX_WALK_ENTRIES} entries; the repository is very large.`);
        return out;
      }
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedDir(entry.name)) pending.push(full);
      } else if (entry.isFile()) {
        const size = (await stat(full).catch(() => undefined))?.size ?? 0;
        out.push({ path: relative(root, full).split(sep).join("/"), size });
      }
    }
  }
  return out;
}

/** The checked-out commit when the folder is a git work tree; analysis still works without git. */
export async function gitHead(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", ["-C", dir, "rev-parse", "HEAD"], { timeout: 5_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}
