import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OpenAI-compatible chat-completions server (`POST /v1/chat/completions`) for the LLM refinement step.
 * Modes: "good" answers with `answer(request)` as JSON, "malformed" answers with text that is not a ServerSpec,
 * "slow" waits `delayMs` before answering (to exercise timeouts), "error" answers HTTP 500.
 */
export type FakeOpenAIMode = "good" | "malformed" | "slow" | "error";

export type ChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
};

export type FakeOpenAIOptions = {
  mode: FakeOpenAIMode;
  /** The JSON the model "returns" in good mode; by default the draft it was sent, unchanged. */
  answer?: (request: ChatRequest) => unknown;
  delayMs?: number;
};

export type FakeOpenAI = { url: string; requests: ChatRequest[]; setMode(mode: FakeOpenAIMode): void; close(): Promise<void> };

/** The draft analysis put into the user message ("Draft:\n{…}\n\nFiles:"). */
export function draftFromRequest(request: ChatRequest): Record<string, unknown> {
  const user = request.messages.find((m) => m.role === "user")?.content ?? "";
  const match = user.match(/Draft:\n([\s\S]*?)\n\nFiles:/);
  return match ? (JSON.parse(match[1]) as Record<string, unknown>) : {};
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function completion(res: ServerResponse, model: string, content: string) {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: `chatcmpl-fake-${Date.now()}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
    }),
  );
}

export async function startFakeOpenAI(options: FakeOpenAIOptions): Promise<FakeOpenAI> {
  const requests: ChatRequest[] = [];
  let mode = options.mode;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "Not found", type: "invalid_request_error" } }));
    }
    const request = JSON.parse(await readBody(req)) as ChatRequest;
    requests.push(request);
    if (mode === "error") {
      res.writeHead(500, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "The server had an error while processing your request.", type: "server_error" } }));
    }
    if (mode === "malformed") return completion(res, request.model, "Sure! This server needs an API key and runs with npx.");
    const answer = () => completion(res, request.model, JSON.stringify((options.answer ?? draftFromRequest)(request)));
    if (mode === "slow") {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) answer();
      }, options.delayMs ?? 10_000);
      timers.add(timer);
      return;
    }
    answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
