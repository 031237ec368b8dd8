import "server-only";
import { Parser, type ReadEntry } from "tar";
import { AnalysisError } from "../analysis-error";
import { isManifest, isScannableSource, MAX_SOURCE_FILE_BYTES, selectFiles } from "./select-files";

/**
 * Pulls the files analysis reads out of a .tar.gz held in memory (npm and PyPI sdists). Archives wrap everything in one
 * top folder (`package/`, `name-1.0/`), which is stripped.
 */
export async function readTarball(
  data: Uint8Array,
  limits: { maxFiles: number; maxBytes: number },
): Promise<{ files: Map<string, string>; warnings: string[] }> {
  const candidates = new Map<string, string>();
  let kept = 0;
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        const path = entry.path.replace(/^[^/]+\//, "");
        const wanted = entry.type === "File" && (isManifest(path) || isScannableSource(path)) && entry.size <= MAX_SOURCE_FILE_BYTES;
        if (!wanted || kept + entry.size > limits.maxBytes) return entry.resume();
        kept += entry.size;
        const chunks: Buffer[] = [];
        entry.on("data", (chunk: Buffer) => chunks.push(chunk));
        entry.on("end", () => candidates.set(path, Buffer.concat(chunks).toString("utf8")));
      },
    });
    parser.on("error", (error: Error) => reject(new AnalysisError("source_error", `The package archive could not be read: ${error.message}`, { cause: error })));
    parser.on("end", () => resolve());
    parser.end(Buffer.from(data));
  });
  const listed = [...candidates].map(([path, text]) => ({ path, size: Buffer.byteLength(text) }));
  const selection = selectFiles(listed, limits);
  return { files: new Map(selection.paths.map((p) => [p, candidates.get(p) as string])), warnings: selection.warnings };
}
