import "server-only";

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
  /**
   * Recognised by name, not by prototype: Next's bundler can load this module more than once in one process (each
   * route and the startup code get their own copy), and an error thrown by one copy must still be this error.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === "AnalysisError" && typeof (value as { code?: unknown }).code === "string";
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
