import { ApiClientError } from "@/lib/client/api-client";
import { readSse } from "./read-sse";
import type { AnalysisProgress, AnalysisView } from "./types";

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string[]> } };

/** POST /api/analyses as a stream: reports each stage through `onProgress`, resolves with the finished analysis. */
export async function startAnalysis(options: {
  source: string;
  refresh?: boolean;
  onProgress: (progress: AnalysisProgress) => void;
  signal?: AbortSignal;
}): Promise<AnalysisView> {
  const response = await fetch("/api/analyses", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
    body: JSON.stringify({ source: options.source, refresh: options.refresh ?? false }),
    signal: options.signal,
  });
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || !type.includes("text/event-stream") || !response.body) {
    // Errors before the stream starts (bad input, signed out) and cached answers arrive as plain JSON.
    const body = (await response.json().catch(() => ({}))) as ErrorBody & { analysis?: AnalysisView };
    if (response.ok && body.analysis) return body.analysis;
    throw new ApiClientError(response.status, body.error?.code ?? "http_error", body.error?.message ?? `Analysis failed (${response.status})`, body.error?.fields);
  }
  for await (const event of readSse(response.body)) {
    const data = safeParse(event.data);
    if (event.event === "progress") options.onProgress(data as AnalysisProgress);
    if (event.event === "result") return (data as { analysis: AnalysisView }).analysis;
    if (event.event === "error") {
      const error = (data as ErrorBody).error;
      throw new ApiClientError(422, error?.code ?? "analysis_failed", error?.message ?? "The analysis failed.");
    }
  }
  throw new ApiClientError(502, "stream_ended", "The analysis stopped before it finished. Try again.");
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
