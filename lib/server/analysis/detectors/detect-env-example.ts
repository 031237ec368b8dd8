import "server-only";
import { isCandidateEnv, isPlaceholderValue } from "./env-names";
import type { EnvFinding, FileSet, Findings } from "./findings";
import { requiredFromText } from "./detect-readme-env";

/** `.env.example` and friends: names, sample values, and the comment lines above each as description. */
export function detectEnvExample(files: FileSet): Partial<Findings> {
  const env: EnvFinding[] = [];
  for (const [file, text] of files) {
    if (file.includes("/") || !/^(\.env[.-](example|sample|template|dist)|env\.example|example\.env)$/i.test(file)) continue;
    let comments: string[] = [];
    text.split(/\r?\n/).forEach((row, i) => {
      const comment = row.match(/^\s*#\s?(.*)$/);
      if (comment) {
        // A commented-out assignment (`# DEBUG_LEVEL=info`) documents an optional setting.
        const disabled = comment[1].match(/^([A-Z][A-Z0-9_]{2,})\s*=\s*(.*)$/);
        if (disabled && isCandidateEnv(disabled[1])) {
          env.push({ detector: "env-example", name: disabled[1], required: false, default: isPlaceholderValue(disabled[2]) ? undefined : disabled[2].replace(/^["']|["']$/g, ""), description: comments.join(" ") || undefined, evidence: { file, reason: `commented-out example at line ${i + 1}` } });
          comments = [];
        } else comments.push(comment[1].trim());
        return;
      }
      const m = row.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*(?:\s#\s*(.*))?$/);
      if (!m) {
        comments = [];
        return;
      }
      const [, name, rawValue, trailing] = m;
      if (!isCandidateEnv(name)) {
        comments = [];
        return;
      }
      const value = rawValue.replace(/^["']|["']$/g, "");
      const note = [...comments, trailing ?? ""].join(" ").trim();
      env.push({
        detector: "env-example",
        name,
        description: note || undefined,
        required: note ? requiredFromText(note) : undefined,
        default: isPlaceholderValue(value) ? undefined : value,
        evidence: { file, reason: `listed at line ${i + 1}` },
      });
      comments = [];
    });
  }
  return { env };
}
