import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { draftFromRequest, startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from "@/test/fakes/openai-server";
import { analyzeRepository } from "./analyze-repository";
import type { AnalysisProgress } from "./analysis-options";

const weather = join(process.cwd(), "fixtures", "repos", "npm-weather");
let llm: FakeOpenAI | undefined;

afterEach(async () => {
  await llm?.close();
  llm = undefined;
});

async function analyzeWith(options: FakeOpenAIOptions, timeoutMs = 5_000) {
  llm = await startFakeOpenAI(options);
  const stages: AnalysisProgress["stage"][] = [];
  const result = await analyzeRepository(weather, {
    allowLocalPaths: true,
    llm: { apiKey: "sk-test", baseURL: llm.url, model: "test-model", timeoutMs },
    onProgress: (p) => stages.push(p.stage),
  });
  return { result, stages };
}

describe("LLM refinement (against a local chat-completions server)", () => {
  it("uses a good answer: the corrected spec, validated, marked as llm", async () => {
    const { result, stages } = await analyzeWith({
      mode: "good",
      answer: (request) => {
        const draft = draftFromRequest(request) as { env: { name: string; description?: string }[] };
        // The model adds a description and drops nothing.
        return { ...draft, env: draft.env.map((e) => ({ ...e, description: `${e.name} explained by the model` })), analyzer: "llm" };
      },
    });
    expect(result.spec.analyzer).toBe("llm");
    expect(result.spec.env.find((e) => e.name === "WEATHER_UNITS")?.description).toBe("WEATHER_UNITS explained by the model");
    expect(result.warnings.join(" ")).not.toMatch(/LLM/);
    expect(stages).toEqual(["fetching", "detecting", "refining", "done"]);
    // It was asked for structured output with the ServerSpec schema, and given the files.
    const request = llm?.requests[0];
    expect(request?.response_format?.type).toBe("json_schema");
    expect(JSON.stringify(request?.response_format?.json_schema?.schema)).toContain("args_required");
    expect(request?.messages.find((m) => m.role === "user")?.content).toContain("--- README.md ---");
  });

  it("keeps the draft and says so when the answer is not a ServerSpec", async () => {
    const { result } = await analyzeWith({ mode: "malformed" });
    expect(result.spec.analyzer).toBe("heuristic");
    expect(result.spec.package).toBe("@acme/weather-mcp");
    expect(result.warnings.join(" ")).toMatch(/LLM refinement was skipped: the model's answer was not a valid ServerSpec/);
  });

  it("keeps the draft when the model is too slow", async () => {
    const started = Date.now();
    const { result } = await analyzeWith({ mode: "slow", delayMs: 5_000 }, 300);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.spec.analyzer).toBe("heuristic");
    expect(result.warnings.join(" ")).toMatch(/did not answer within/);
  });

  it("keeps the draft when the API errors", async () => {
    const { result } = await analyzeWith({ mode: "error" });
    expect(result.spec.analyzer).toBe("heuristic");
    expect(result.warnings.join(" ")).toMatch(/model call failed/);
  });

  it("drops variables and rejects packages that no file mentions", async () => {
    const invented = await analyzeWith({
      mode: "good",
      answer: (request) => {
        const draft = draftFromRequest(request) as { env: unknown[] };
        return { ...draft, env: [...draft.env, { name: "MADE_UP_TOKEN", required: true, secret: true }] };
      },
    });
    expect(invented.result.spec.env.map((e) => e.name)).not.toContain("MADE_UP_TOKEN");
    expect(invented.result.warnings.join(" ")).toContain("MADE_UP_TOKEN");
    await llm?.close();
    const wrongPackage = await analyzeWith({ mode: "good", answer: (request) => ({ ...draftFromRequest(request), package: "@evil/other-pkg", args: ["-y", "@evil/other-pkg"] }) });
    expect(wrongPackage.result.spec.package).toBe("@acme/weather-mcp");
    expect(wrongPackage.result.warnings.join(" ")).toMatch(/no file mentions/);
  });
});
