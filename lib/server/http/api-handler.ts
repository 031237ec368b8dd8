import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { currentUser, type CurrentUser } from "@/lib/server/auth/current-user";
import { ApiError, errorResponse, validationError } from "./api-error";
import { readJsonBody } from "./read-json-body";
import { logger } from "@/lib/server/log";

const defaultMaxBodyBytes = 256 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type HandlerArgs<Body, Authed extends boolean> = {
  request: Request;
  params: Record<string, string>;
  body: Body;
  user: Authed extends true ? CurrentUser : CurrentUser | null;
  requestId: string;
};

type Options<Schema extends z.ZodType | undefined, Authed extends boolean> = {
  /** default true: a signed-in user (session cookie or personal API key) is required */
  auth?: Authed;
  body?: Schema;
  maxBodyBytes?: number;
};

/**
 * The one wrapper around JSON API route handlers: authenticate, parse and validate the body, run, and map every
 * error to the one JSON error shape. Unknown errors are logged with a request id and answered as a generic 500.
 * A handler returns data (sent as JSON, 200) or a Response of its own.
 */
export function apiHandler<Schema extends z.ZodType | undefined = undefined, Authed extends boolean = true>(
  options: Options<Schema, Authed>,
  handler: (args: HandlerArgs<Schema extends z.ZodType ? z.output<Schema> : undefined, Authed>) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const user = options.auth === false ? null : await currentUser(request);
      if (options.auth !== false && !user) {
        throw new ApiError("unauthorized", "Sign in, or send a personal API key as `Authorization: Bearer <key>`.", undefined, {
          "WWW-Authenticate": "Bearer",
        });
      }
      const params = Object.fromEntries(
        Object.entries((await context.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      let body: unknown = undefined;
      if (options.body) {
        const raw = await readJsonBody(request, options.maxBodyBytes ?? defaultMaxBodyBytes);
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) throw validationError(parsed.error);
        body = parsed.data;
      }
      const result = await handler({ request, params, body, user, requestId } as HandlerArgs<never, Authed>);
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (error) {
      return handleApiError(error, requestId);
    }
  };
}

export function handleApiError(error: unknown, requestId: string): Response {
  if (error instanceof ApiError) return errorResponse(error, requestId);
  logger.error("unhandled error in API route", { requestId, error });
  return errorResponse(new ApiError("internal_error", `Something went wrong on our side (request ${requestId}).`), requestId);
}
