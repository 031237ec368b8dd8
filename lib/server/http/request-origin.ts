import "server-only";

/** The origin the request came in on (the Host header as Next sees it). */
export function requestOrigin(request: Request): string {
  return new URL(request.url).origin;
}
