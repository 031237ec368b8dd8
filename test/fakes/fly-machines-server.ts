import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { serveOnLoopback } from "./serve-on-loopback";

/**
 * A local stand-in for the Fly Machines API (the subset Catwalk uses), speaking its JSON shapes over real HTTP:
 * create → created → starting → started, stop → stopping → stopped, start, destroy (force), get, list, wait.
 * Failures are injected per request; every request is recorded so tests can inspect what was sent.
 */
export type FakeMachine = {
  id: string;
  name: string;
  state: "created" | "starting" | "started" | "stopping" | "stopped" | "destroyed";
  region: string;
  instance_id: string;
  private_ip: string;
  config: Record<string, unknown> & { metadata?: Record<string, string> };
  created_at: string;
  updated_at: string;
};

export type InjectedFailure = { method?: string; path?: RegExp; status: number; body?: unknown; headers?: Record<string, string>; times?: number; delayMs?: number };
export type RecordedRequest = { method: string; path: string; body: unknown; authorization?: string };

export type FakeFlyOptions = { token: string; app: string; transitionMs?: number };

export async function startFakeFlyMachines(options: FakeFlyOptions) {
  const machines = new Map<string, FakeMachine>();
  const failures: InjectedFailure[] = [];
  const requests: RecordedRequest[] = [];
  const transitionMs = options.transitionMs ?? 50;

  const setState = (machine: FakeMachine, state: FakeMachine["state"]) => {
    machine.state = state;
    machine.updated_at = new Date().toISOString();
  };
  // The real API moves through intermediate states asynchronously; do the same so callers must wait.
  const transition = (machine: FakeMachine, via: FakeMachine["state"], to: FakeMachine["state"]) => {
    setState(machine, via);
    setTimeout(() => machine.state !== "destroyed" && setState(machine, to), transitionMs);
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const readBody = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    return text ? (JSON.parse(text) as unknown) : undefined;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const body = await readBody(req);
    requests.push({ method, path: url.pathname + url.search, body, authorization: req.headers.authorization });

    const failure = failures.find((f) => (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname)));
    if (failure) {
      if (failure.times !== undefined && --failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
      if (failure.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
      if (failure.status > 0) return send(res, failure.status, failure.body ?? { error: `injected ${failure.status}` }, failure.headers);
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: "You must be authenticated to view this." });

    const match = url.pathname.match(/^\/v1\/apps\/([^/]+)\/machines(?:\/([^/]+))?(?:\/(start|stop|wait))?$/);
    if (!match) return send(res, 404, { error: "not found" });
    const [, app, id, action] = match;
    if (app !== options.app) return send(res, 404, { error: `app ${app} not found` });

    if (!id) {
      if (method === "GET") return send(res, 200, [...machines.values()].filter((m) => m.state !== "destroyed"));
      if (method !== "POST") return send(res, 405, { error: "method not allowed" });
      const request = body as { name?: string; region?: string; config?: Record<string, unknown> };
      if (!request?.config?.image) return send(res, 422, { error: "invalid config: image is required" });
      const now = new Date().toISOString();
      const machine: FakeMachine = {
        id: randomBytes(7).toString("hex"),
        name: request.name ?? "machine",
        state: "created",
        region: request.region ?? "ams",
        instance_id: randomBytes(13).toString("hex").toUpperCase(),
        private_ip: "fdaa:0:1::2",
        config: request.config,
        created_at: now,
        updated_at: now,
      };
      machines.set(machine.id, machine);
      setTimeout(() => machine.state === "created" && transition(machine, "starting", "started"), transitionMs);
      return send(res, 200, machine);
    }

    const machine = machines.get(id);
    if (!machine || machine.state === "destroyed") return send(res, 404, { error: "machine not found" });
    if (!action && method === "GET") return send(res, 200, machine);
    if (!action && method === "DELETE") {
      if (machine.state === "started" && url.searchParams.get("force") !== "true") {
        return send(res, 412, { error: "unable to destroy machine, not currently stopped" });
      }
      setState(machine, "destroyed");
      return send(res, 200, { ok: true });
    }
    if (action === "start" && method === "POST") {
      if (machine.state === "stopped" || machine.state === "created") transition(machine, "starting", "started");
      return send(res, 200, { previous_state: machine.state });
    }
    if (action === "stop" && method === "POST") {
      if (machine.state === "started" || machine.state === "starting") transition(machine, "stopping", "stopped");
      return send(res, 200, { ok: true });
    }
    if (action === "wait" && method === "GET") {
      const state = url.searchParams.get("state") ?? "started";
      const deadline = Date.now() + Number(url.searchParams.get("timeout") ?? "60") * 1000;
      while (machine.state !== state && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      if (machine.state === state) return send(res, 200, { ok: true });
      return send(res, 408, { error: "deadline_exceeded: machine did not reach the requested state" });
    }
    return send(res, 405, { error: "method not allowed" });
  }

  const server = await serveOnLoopback(handle, (res, error) => send(res, 500, { error: String(error) }));

  return {
    url: server.origin,
    machines,
    requests,
    fail(failure: InjectedFailure) {
      failures.push(failure);
    },
    close: server.close,
  };
}
