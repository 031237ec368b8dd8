import "server-only";

/**
 * Which files of a repository the detectors read, and in what order. Shared by every source so a repository gives the
 * same answer whether it comes from GitHub, a clone or npm.
 */

export type ListedFile = { path: string; size: number };

const MANIFEST = /^(readme(\.(md|markdown|rst|txt))?|package\.json|server\.json|smithery\.ya?ml|pyproject\.toml|setup\.py|setup\.cfg|dockerfile|\.env\.(example|sample|template|dist)|env\.example|\.env-example|example\.env)$/i;

const SOURCE_EXT = /\.(ts|mts|cts|js|mjs|cjs|py|go)$/;

/** Folders that never hold the server's own configuration reads (dependencies, builds, tests, samples, docs). */
const SKIPPED_DIR =
  /^(node_modules|\.git|\.github|dist|build|out|lib-cov|coverage|vendor|\.venv|venv|env|__pycache__|site-packages|tests?|__tests__|__mocks__|spec|specs|e2e|examples?|samples?|docs?|fixtures?|scripts|benchmarks?|\.next|target|third_party)$/i;

const SKIPPED_FILE = /(\.test\.|\.spec\.|\.d\.ts$|\.min\.js$|^test_.*\.py$|_test\.(py|go)$|^conftest\.py$|\.config\.(ts|js|mjs|cjs)$)/i;

/** Entry points and config modules first: that is where servers read their settings. */
const LIKELY_CONFIG = /^(index|main|server|app|cli|config|configuration|settings|env|environment|auth|client|__main__|__init__)\./i;

export const MAX_SOURCE_FILE_BYTES = 256_000;
const MAX_SOURCE_FILES = 80;
const MAX_DEPTH = 6;

export function isSkippedDir(name: string): boolean {
  return SKIPPED_DIR.test(name);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function isManifest(path: string): boolean {
  return !path.includes("/") && MANIFEST.test(path);
}

export function isScannableSource(path: string): boolean {
  const parts = path.split("/");
  if (parts.length > MAX_DEPTH) return false;
  if (parts.slice(0, -1).some(isSkippedDir)) return false;
  const name = baseName(path);
  return SOURCE_EXT.test(name) && !SKIPPED_FILE.test(name);
}

export type Selection = { paths: string[]; warnings: string[] };

/** Picks manifests first, then likely source files, within the file-count and byte limits. */
export function selectFiles(files: ListedFile[], limits: { maxFiles: number; maxBytes: number }): Selection {
  const warnings: string[] = [];
  const manifests = files.filter((f) => isManifest(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  const sources = files
    .filter((f) => isScannableSource(f.path) && f.size <= MAX_SOURCE_FILE_BYTES)
    .sort((a, b) => {
      const depth = a.path.split("/").length - b.path.split("/").length;
      if (depth !== 0) return depth;
      const likely = Number(LIKELY_CONFIG.test(baseName(b.path))) - Number(LIKELY_CONFIG.test(baseName(a.path)));
      return likely !== 0 ? likely : a.path.localeCompare(b.path);
    });
  const paths: string[] = [];
  let bytes = 0;
  let sourceCount = 0;
  let skipped = 0;
  for (const file of [...manifests, ...sources]) {
    const isSource = !isManifest(file.path);
    if (paths.length >= limits.maxFiles || bytes + file.size > limits.maxBytes || (isSource && sourceCount >= MAX_SOURCE_FILES)) {
      skipped++;
      continue;
    }
    paths.push(file.path);
    bytes += file.size;
    if (isSource) sourceCount++;
  }
  if (skipped > 0) {
    warnings.push(`Read ${paths.length} files and skipped ${skipped} more to stay within the analysis limits; settings read only in the skipped files may be missing.`);
  }
  return { paths, warnings };
}
