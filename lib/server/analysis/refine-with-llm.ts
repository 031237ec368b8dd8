import "server-only";
import OpenAI from "openai";
import { z } from "zod";
import { normalizeServerSpec, serverSpecSchema, type ServerSpec } from "@/lib/spec/server-spec";
import type { LlmOptions } from "./analysis-options";
import type { FileSet } from "./detectors/findings";

const MAX_PROMPT_CHARS = 60_000;
const MAX_FILE_CHARS = 16_000;

export type RefineResult = { spec: ServerSpec; warnings: string[] };

const INSTRUCTIONS = `You correct a draft description of how to run an MCP server, found by heuristics in its repository.
Return the full corrected ServerSpec as JSON. Rules:
- runtime "npm" runs with command "npx" and args ["-y", "<package>"]; "python" with "uvx" and ["<package>"]; "oci" with "docker" and ["run","-i","--rm", ("-e", NAME)..., "<image>"]. Append only arguments every user passes.
- env lists the variables THIS server reads that a user may set. Leave out variables of other tools, of tests, of example code, and generic ones (NODE_ENV, PORT, DEBUG, HOME, PATH, proxies, OTEL_*).
- required: the server does not work without it. secret: a key, token, password or credential.
- Either/or credentials (e.g. API key OR username+password): give each alternative the same "group" string.
- args_required: command-line arguments the user must supply (a directory, a connection string).
- Only use package names and variable names that appear in the files. Keep the repository field unchanged.
- evidence: the files and reasons behind each decision.`;

/**
 * Asks an OpenAI-compatible model to correct the heuristic draft. Whatever goes wrong (timeout, HTTP error, invalid
 * JSON, a spec that fails validation or names things the files never mention), the draft stands and a warning says why.
 */
export async function refineWithLlm(
  draft: ServerSpec,
  files: FileSet,
  llm: LlmOptions,
  signal?: AbortSignal,
): Promise<RefineResult> {
  const client = new OpenAI({ apiKey: llm.apiKey, baseURL: llm.baseURL, timeout: llm.timeoutMs, maxRetries: 0 });
  const keep = (why: string): RefineResult => ({ spec: draft, warnings: [`LLM refinement was skipped: ${why}. The heuristic result is shown.`] });
  let content: string | null | undefined;
  try {
    const timeout = AbortSignal.timeout(llm.timeoutMs);
    const completion = await client.chat.completions.create(
      {
        model: llm.model,
        temperature: 0,
        messages: [
          { role: "system", content: INSTRUCTIONS },
          { role: "user", content: `Draft:\n${JSON.stringify(draft, null, 2)}\n\nFiles:\n${renderFiles(files)}` },
        ],
        response_format: {
          type: "json_schema",
          json_schema: { name: "server_spec", schema: z.toJSONSchema(serverSpecSchema) as Record<string, unknown>, strict: false },
        },
      },
      { signal: signal ? AbortSignal.any([signal, timeout]) : timeout },
    );
    content = completion.choices[0]?.message?.content;
  } catch (error) {
    const timedOut = error instanceof Error && /timed? ?out|abort/i.test(`${error.name} ${error.message}`);
    return keep(timedOut ? `the model did not answer within ${Math.round(llm.timeoutMs / 1000)} s` : `the model call failed (${describe(error)})`);
  }
  if (!content) return keep("the model returned no content");

  let candidate: ServerSpec;
  try {
    candidate = normalizeServerSpec(JSON.parse(content));
  } catch (error) {
    return keep(`the model's answer was not a valid ServerSpec (${describe(error).slice(0, 200)})`);
  }
  return checkAgainstFiles(draft, candidate, files);
}

/** Rejects invented packages and drops invented variables: the model may only reorganise what the files say. */
function checkAgainstFiles(draft: ServerSpec, candidate: ServerSpec, files: FileSet): RefineResult {
  const corpus = [...files.values()].join("\n");
  const warnings: string[] = [];
  if (candidate.package !== draft.package && !corpus.includes(candidate.package)) {
    return { spec: draft, warnings: [`LLM refinement was ignored: it named package "${candidate.package}", which no file mentions. The heuristic result is shown.`] };
  }
  const env = candidate.env.filter((e) => {
    const known = corpus.includes(e.name) || draft.env.some((d) => d.name === e.name);
    if (!known) warnings.push(`The LLM suggested ${e.name}, which no file mentions; it was left out.`);
    return known;
  });
  const known = new Set(files.keys());
  const spec = serverSpecSchema.parse({
    ...candidate,
    env,
    repository: draft.repository,
    evidence: candidate.evidence.filter((e) => known.has(e.file)).length > 0 ? candidate.evidence.filter((e) => known.has(e.file)) : draft.evidence,
    confidence: Math.min(0.99, Math.max(candidate.confidence, draft.confidence)),
    analyzer: "llm",
  });
  return { spec, warnings };
}

function renderFiles(files: FileSet): string {
  let out = "";
  for (const [path, text] of files) {
    const chunk = `\n--- ${path} ---\n${text.slice(0, MAX_FILE_CHARS)}\n`;
    if (out.length + chunk.length > MAX_PROMPT_CHARS) break;
    out += chunk;
  }
  return out;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
