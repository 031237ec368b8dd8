import "server-only";

/** A Server-Sent Events response whose events are written as they happen (no buffering by proxies either). */
export function sseResponse(run: (send: (event: string, data: unknown) => void, signal: AbortSignal) => Promise<void>, request: Request): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (event: string, data: unknown) => {
        if (open) controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      request.signal.addEventListener("abort", () => (open = false), { once: true });
      // A first byte at once, so clients (and proxies) see the stream open before the first event.
      controller.enqueue(encoder.encode(": connected\n\n"));
      try {
        await run(send, request.signal);
      } finally {
        open = false;
        try {
          controller.close();
        } catch {
          // the client went away first
        }
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}

export function wantsEventStream(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/event-stream");
}
