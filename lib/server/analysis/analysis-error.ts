import "server-only";
import { isNamedError } from "@/lib/server/errors/is-named-error";

export const ANALYSIS_ERROR_CODES = [
  "invalid_url",
  "unsupported_host",
  "not_found",
  "private_repository",
  "rate_limited",
  "no_mcp_server",
  "too_large",
  "timeout",
  "private_address",
  "source_error",
] as const;

export type AnalysisErrorCode = (typeof ANALYSIS_ERROR_CODES)[number];

/** The one error analysis throws. `message` is written for the person who pasted the URL: what happened, what to do. */
export class AnalysisError extends Error {
  /** See isNamedError: recognised across module copies. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, "AnalysisError", { withCode: true });
  }

  readonly code: AnalysisErrorCode;

  constructor(code: AnalysisErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AnalysisError";
    this.code = code;
  }
}

export function isAnalysisError(error: unknown): error is AnalysisError {
  return error instanceof AnalysisError;
}
