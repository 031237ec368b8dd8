import "server-only";
import type { FileSet, Findings } from "./findings";

/**
 * Dockerfile: an image can always be built, so it is the last resort when nothing is published. The image name comes
 * from the README (`docker run … image`, `docker build -t image`) in merge; here we only record that one exists.
 */
export function detectDockerfile(files: FileSet, context: { repoName: string }): Partial<Findings> {
  const text = files.get("Dockerfile") ?? [...files].find(([p]) => /^dockerfile$/i.test(p))?.[1];
  if (text === undefined) return {};
  const cmd = text.match(/^\s*(?:CMD|ENTRYPOINT)\s+(.*)$/im)?.[1] ?? "";
  const signals = /mcp/i.test(text) ? [{ file: "Dockerfile", reason: "Dockerfile mentions MCP" }] : [];
  const http = /--transport[= ]+(http|streamable-http|sse)|streamable-http/i.test(cmd);
  return {
    mcpSignals: signals,
    launches: [
      {
        detector: "dockerfile",
        runtime: "oci",
        package: context.repoName.toLowerCase().replace(/[^a-z0-9._/-]+/g, "-"),
        transport: http ? "streamable-http" : undefined,
        runnable: true,
        evidence: { file: "Dockerfile", reason: `Dockerfile builds the server${cmd ? ` (${cmd.trim().slice(0, 80)})` : ""}` },
      },
    ],
  };
}
