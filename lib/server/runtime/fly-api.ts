import "server-only";
import { RuntimeError } from "@/lib/server/runtime/runner";

export type FlyApiOptions = {
  /** FLY_API_URL, e.g. https://api.machines.dev */
  baseUrl: string;
  token: string;
  /** per request; the wait endpoint gets its own longer budget */
  requestTimeoutMs?: number;
  /** how often a 429 is retried before giving up */
  maxRetries?: number;
  /** upper bound for one Retry-After wait, so a hostile or buggy header cannot park a start for an hour */
  maxRetryAfterMs?: number;
};

export type FlyMachine = {
  id: string;
  name?: string;
  state: string;
  region?: string;
  instance_id?: string;
  private_ip?: string;
  config?: { metadata?: Record<string, string>; env?: Record<string, string> };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: string; message?: string };
    return (body.error ?? body.message ?? text).slice(0, 500);
  } catch {
    return text.slice(0, 500) || response.statusText;
  }
}

/** A small client for the endpoints of the Fly Machines API the runner uses, with errors mapped to RuntimeError. */
export class FlyApi {
  private readonly opts: Required<FlyApiOptions>;

  constructor(options: FlyApiOptions) {
    this.opts = {
      baseUrl: options.baseUrl.replace(/\/$/, ""),
      token: options.token,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 3,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 10_000,
    };
  }

  async request<T>(method: string, path: string, options: { body?: unknown; timeoutMs?: number } = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.opts.requestTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.opts.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${this.opts.token}`, "content-type": "application/json", accept: "application/json" },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const name = error instanceof Error ? error.name : "";
        if (name === "TimeoutError" || name === "AbortError") {
          throw new RuntimeError("provider_error", `Fly API did not answer ${method} ${path.split("?")[0]} within ${Math.round(timeoutMs / 1000)} s`);
        }
        throw new RuntimeError("provider_error", `Fly API unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (response.ok) {
        const text = await response.text();
        return (text ? JSON.parse(text) : {}) as T;
      }
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers.get("retry-after")) ?? 1000 * 2 ** attempt;
        await response.body?.cancel();
        if (attempt < this.opts.maxRetries && wait <= this.opts.maxRetryAfterMs) {
          await sleep(wait);
          continue;
        }
        throw new RuntimeError("provider_error", `Fly API rate limited, retry after ${Math.ceil(wait / 1000)} s`);
      }
      const message = await errorMessage(response);
      if (response.status === 401 || response.status === 403) throw new RuntimeError("provider_error", "Fly API token rejected");
      if (response.status === 404) throw new RuntimeError("not_found", `Fly: ${message || "not found"}`);
      if (response.status === 422 || response.status === 400) throw new RuntimeError("invalid_spec", `Fly rejected the machine: ${message}`);
      if (response.status === 408) throw new RuntimeError("provider_error", `Fly: ${message || "timed out"}`);
      throw new RuntimeError("provider_error", `Fly API error ${response.status}: ${message}`);
    }
  }

  createMachine(app: string, body: unknown): Promise<FlyMachine> {
    return this.request("POST", `/v1/apps/${encodeURIComponent(app)}/machines`, { body });
  }

  getMachine(app: string, id: string): Promise<FlyMachine> {
    return this.request("GET", `/v1/apps/${encodeURIComponent(app)}/machines/${encodeURIComponent(id)}`);
  }

  listMachines(app: string): Promise<FlyMachine[]> {
    return this.request("GET", `/v1/apps/${encodeURIComponent(app)}/machines`);
  }

  /** Fly's long-poll: answers when the machine reaches `state`, 408 when its own timeout (max 60 s) passes first. */
  async waitFor(app: string, id: string, state: "started" | "stopped" | "destroyed", timeoutSeconds: number): Promise<void> {
    const seconds = Math.max(1, Math.min(60, Math.round(timeoutSeconds)));
    await this.request("GET", `/v1/apps/${encodeURIComponent(app)}/machines/${encodeURIComponent(id)}/wait?state=${state}&timeout=${seconds}`, {
      timeoutMs: seconds * 1000 + 10_000,
    });
  }

  startMachine(app: string, id: string): Promise<unknown> {
    return this.request("POST", `/v1/apps/${encodeURIComponent(app)}/machines/${encodeURIComponent(id)}/start`);
  }

  stopMachine(app: string, id: string): Promise<unknown> {
    return this.request("POST", `/v1/apps/${encodeURIComponent(app)}/machines/${encodeURIComponent(id)}/stop`, { body: {} });
  }

  destroyMachine(app: string, id: string): Promise<unknown> {
    return this.request("DELETE", `/v1/apps/${encodeURIComponent(app)}/machines/${encodeURIComponent(id)}?force=true`);
  }
}
