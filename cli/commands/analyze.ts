import { parseEnv } from "@/lib/config/env-schema";
import type { ServerSpec } from "@/lib/spec/server-spec";
import { isAnalysisError } from "@/lib/server/analysis/analysis-error";
import { analysisOptionsFromEnv } from "@/lib/server/analysis/analysis-options-from-env";
import { analyzeRepository, type AnalysisResult } from "@/lib/server/analysis/analyze-repository";

const USAGE = `usage: catwalk analyze <url|path|npm:pkg|pypi:pkg> [--json] [--no-llm]

Works out how to run an MCP server and which credentials it needs. Needs no database; uses an LLM only when
OPENAI_API_KEY is set (--no-llm turns that off).`;

/** `catwalk analyze`: the ServerSpec as JSON (--json) or a summary a person can read. Exit 0 ok, 1 analysis error, 2 usage. */
export async function run(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const noLlm = argv.includes("--no-llm");
  const positional = argv.filter((a) => !a.startsWith("--"));
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  if (positional.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  // The CLI reads settings the same way the app does, but never requires a database or an API key.
  const options = analysisOptionsFromEnv(parseEnv(process.env), {
    allowLocalPaths: true,
    onProgress: json ? undefined : (p) => process.stderr.write(`… ${p.message}\n`),
  });
  if (noLlm) options.llm = undefined;
  try {
    const result = await analyzeRepository(positional[0], options);
    console.log(json ? JSON.stringify(result, null, 2) : summarize(result));
    return 0;
  } catch (error) {
    if (!isAnalysisError(error)) throw error;
    if (json) console.log(JSON.stringify({ error: { code: error.code, message: error.message } }, null, 2));
    else console.error(`catwalk analyze: ${error.message} (${error.code})`);
    return 1;
  }
}

function summarize({ spec, warnings, files }: AnalysisResult): string {
  const lines = [
    `${spec.name}${spec.description ? ` — ${spec.description}` : ""}`,
    `  runtime    ${spec.runtime} (${spec.package}${spec.version ? ` ${spec.version}` : ""}), transport ${spec.transport}`,
    `  command    ${[spec.command, ...spec.args].join(" ")}`,
    `  analyzer   ${spec.analyzer}, confidence ${Math.round(spec.confidence * 100)}%, ${files.length} files read`,
    "",
    spec.env.length ? "  environment" : "  environment: none needed",
    ...spec.env.map(describeEnv),
    ...(spec.args_required?.length ? ["", "  arguments you supply", ...spec.args_required.map((a) => `    ${a.name}${a.description ? `  ${a.description}` : ""}`)] : []),
    ...(warnings.length ? ["", "  warnings", ...warnings.map((w) => `    ! ${w}`)] : []),
    "",
    "  evidence",
    ...spec.evidence.slice(0, 12).map((e) => `    ${e.file}: ${e.reason}`),
  ];
  return lines.join("\n");
}

function describeEnv(e: ServerSpec["env"][number]): string {
  const flags = [e.required ? "required" : "optional", e.secret ? "secret" : "", e.group ? `or-group ${e.group}` : "", e.default ? `default ${e.default}` : ""].filter(Boolean).join(", ");
  return `    ${e.name.padEnd(28)} ${flags}${e.description ? `  — ${e.description.slice(0, 80)}` : ""}`;
}
