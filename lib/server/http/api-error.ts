import "server-only";
import { isNamedError } from "@/lib/server/errors/is-named-error";
import { z } from "zod";

/** The closed set of error codes the JSON API answers with, and their HTTP status. */
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldErrors = Record<string, string[]>;

/** The one error the app throws on purpose. Its message is shown to people, so it must never hold a secret. */
export class ApiError extends Error {
  /** See isNamedError: recognised across module copies. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, "ApiError", { withCode: true });
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors; requestId?: string } };

export function errorResponse(error: ApiError, requestId?: string): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, fields: error.fields, requestId } };
  return Response.json(body, { status: error.status, headers: error.headers });
}

/** zod failure → 422 with field errors keyed by dotted path ("" for the whole object), ready for a form. */
export function validationError(error: z.ZodError, what = "request"): ApiError {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown field(s): ${issue.keys.join(", ")}`
        : issue.code === "invalid_key"
          ? // a record key that fails its own rule: say which rule, not just "Invalid key in record"
            (issue.issues[0]?.message ?? issue.message)
          : issue.message;
    (fields[key] ??= []).push(message);
  }
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return new ApiError("validation_failed", `Invalid ${what}: ${where}${fields[first?.path.join(".") ?? ""]?.[0] ?? "invalid"}`, fields);
}
