import "server-only";
import { AnalysisError } from "../analysis-error";
import { assertPublicAddress } from "./assert-public-address";
import type { SourceContext } from "./repo-source";

const MAX_REDIRECTS = 5;

/**
 * GET with the analysis guards: the address check on every hop (redirects are followed by hand for that reason), the
 * shared abort signal, and network failures turned into AnalysisErrors a person can act on.
 */
export async function httpGet(url: string, context: SourceContext, headers: Record<string, string> = {}): Promise<Response> {
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await assertPublicAddress(current, context.options.allowPrivateNetwork);
    let response: Response;
    try {
      response = await context.options.fetch(current, { headers, redirect: "manual", signal: context.signal });
    } catch (error) {
      if (context.signal.aborted) throw abortError(context);
      throw new AnalysisError("source_error", `Could not reach ${current.host}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current);
      continue;
    }
    return response;
  }
  throw new AnalysisError("source_error", `Too many redirects while fetching ${url}.`);
}

/** The error for an aborted analysis: the caller's timeout, or an abort with its own reason. */
export function abortError(context: SourceContext): AnalysisError {
  const reason: unknown = context.signal.reason;
  if (reason instanceof AnalysisError) return reason;
  return timeoutError(context.options.timeoutMs);
}

export function timeoutError(timeoutMs: number): AnalysisError {
  return new AnalysisError("timeout", `Analysis took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. Try a subfolder URL that points at the server itself, or try again later.`);
}

/** Reads a body as bytes, refusing to buffer more than `maxBytes`. */
export async function readBodyLimited(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(what, declared, maxBytes);
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(what, total, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(what: string, size: number, limit: number): AnalysisError {
  return new AnalysisError("too_large", `${what} is larger than the analysis limit (${Math.round(size / 1000)} kB > ${Math.round(limit / 1000)} kB). Point at a smaller package or subfolder, or raise ANALYSIS_MAX_BYTES.`);
}
