/**
 * Multiplexes many client sessions onto one server process. Client request ids are rewritten to bridge-unique
 * numbers (and mapped back), so two sessions may both use id 1; progress tokens are rewritten the same way so
 * progress reaches the session that asked for it.
 */
import { ErrorCode, errorBody, progressTokenOf, type JsonRpcId, type JsonRpcMessage } from "./protocol";
import type { Session } from "./sessions";

/** Where the answer to one forwarded request goes. `notify` is the POST's own SSE stream, when it has one. */
export type RequestContext = {
  reply: (message: JsonRpcMessage) => void;
  notify?: (message: JsonRpcMessage) => void;
};

type Pending = { session: Session; originalId: JsonRpcId; originalToken?: JsonRpcId; ctx: RequestContext };

export type RouterOptions = {
  /** writes to the server's stdin; false when it is not running */
  write: (message: JsonRpcMessage) => boolean;
  sessions: () => Iterable<Session>;
};

/** Capability a session must have declared to be handed a given server→client request. */
const REQUIRED_CAPABILITY: Record<string, string> = {
  "sampling/createMessage": "sampling",
  "elicitation/create": "elicitation",
  "roots/list": "roots",
};

export class Router {
  private nextId = 1;
  /** keyed by the bridge id, which doubles as the rewritten progress token */
  private readonly pending = new Map<number, Pending>();
  /** server→client requests awaiting a client's answer, keyed by `typeof id:id` */
  private readonly serverRequests = new Map<string, Session>();

  constructor(private readonly options: RouterOptions) {}

  get inFlight(): number {
    return this.pending.size;
  }

  forwardRequest(session: Session, message: JsonRpcMessage, ctx: RequestContext): void {
    const originalId = message.id as JsonRpcId;
    if (message.method === "resources/unsubscribe" && this.otherSubscriber(session, message)) {
      // Another session still wants these updates; the shared server must keep sending them.
      session.subscriptions.delete(String(message.params?.uri));
      ctx.reply({ jsonrpc: "2.0", id: originalId, result: {} });
      return;
    }
    const bridgeId = this.nextId++;
    const originalToken = progressTokenOf(message);
    const entry: Pending = { session, originalId, originalToken, ctx };
    message.id = bridgeId;
    if (originalToken !== undefined) {
      const params = message.params as Record<string, unknown>;
      message.params = { ...params, _meta: { ...(params._meta as object), progressToken: bridgeId } };
    }
    this.pending.set(bridgeId, entry);
    if (!this.options.write(message)) {
      this.pending.delete(bridgeId);
      ctx.reply(errorBody(ErrorCode.InternalError, "MCP server is not running", originalId));
      return;
    }
    const uri = message.params?.uri;
    if (message.method === "resources/subscribe" && typeof uri === "string") session.subscriptions.add(uri);
    if (message.method === "resources/unsubscribe" && typeof uri === "string") session.subscriptions.delete(uri);
  }

  /** A client notification or a client's answer to a server request. */
  forwardFromClient(session: Session, message: JsonRpcMessage): void {
    if (message.method === undefined) {
      const key = `${typeof message.id}:${String(message.id)}`;
      if (this.serverRequests.get(key) !== session) return; // not asked of this session: drop, never cross sessions
      this.serverRequests.delete(key);
      this.options.write(message);
      return;
    }
    // The server was initialized once by the bridge; roots are not offered to it (see child.ts).
    if (message.method === "notifications/initialized" || message.method === "notifications/roots/list_changed") return;
    if (message.method === "notifications/cancelled") {
      const requestId = message.params?.requestId;
      for (const [bridgeId, entry] of this.pending) {
        if (entry.session !== session || entry.originalId !== requestId) continue;
        this.pending.delete(bridgeId);
        this.options.write({ ...message, params: { ...message.params, requestId: bridgeId } });
        entry.ctx.reply(errorBody(ErrorCode.RequestTimeout, "Request cancelled by the client", entry.originalId));
        return;
      }
      return;
    }
    this.options.write(message);
  }

  /** Everything the server writes, except its answer to the bridge's own initialize. */
  fromServer(message: JsonRpcMessage): void {
    if (message.method === undefined) return this.serverResponse(message);
    if (message.id !== undefined && message.id !== null) return this.serverRequest(message);
    this.serverNotification(message);
  }

  /** The server died: nothing in flight will be answered, so say so now rather than let clients hang. */
  serverDown(reason: string): void {
    for (const entry of this.pending.values()) {
      entry.ctx.reply(errorBody(ErrorCode.InternalError, `MCP server ${reason}; request not completed`, entry.originalId));
    }
    this.pending.clear();
    this.serverRequests.clear();
  }

  /** A session ended (DELETE or idle): cancel its work and refuse the server's questions to it. */
  sessionEnded(session: Session): void {
    for (const [bridgeId, entry] of this.pending) {
      if (entry.session !== session) continue;
      this.pending.delete(bridgeId);
      this.options.write({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: bridgeId, reason: "session ended" } });
      entry.ctx.reply(errorBody(ErrorCode.InternalError, "Session ended", entry.originalId)); // ends its open POST
    }
    for (const [key, owner] of this.serverRequests) {
      if (owner !== session) continue;
      this.serverRequests.delete(key);
      const raw = key.slice(key.indexOf(":") + 1);
      const id: JsonRpcId = key.startsWith("number:") ? Number(raw) : raw;
      this.options.write(errorBody(ErrorCode.InternalError, "Client session ended", id));
    }
  }

  private serverResponse(message: JsonRpcMessage): void {
    const entry = typeof message.id === "number" ? this.pending.get(message.id) : undefined;
    if (!entry) return; // late answer to a cancelled request
    this.pending.delete(message.id as number);
    message.id = entry.originalId;
    entry.ctx.reply(message);
  }

  private serverRequest(message: JsonRpcMessage): void {
    const id = message.id as JsonRpcId;
    const method = message.method as string;
    if (method === "ping") return void this.options.write({ jsonrpc: "2.0", id, result: {} });
    const capability = REQUIRED_CAPABILITY[method];
    const target = this.pickSessionFor(capability);
    const deliver = target && (target.notify ?? target.session.getStream?.send.bind(target.session.getStream));
    if (!target || !deliver) {
      const why = capability ? `no connected client supports ${capability}` : "no connected client can receive requests";
      this.options.write(errorBody(ErrorCode.MethodNotFound, why, id));
      return;
    }
    this.serverRequests.set(`${typeof id}:${String(id)}`, target.session);
    deliver(message);
  }

  /**
   * Over stdio nothing ties a server request to the client request that caused it, so it goes to the session with
   * the most recent request still in flight (the likely cause), else to the most recently active session.
   */
  private pickSessionFor(capability: string | undefined): { session: Session; notify?: (m: JsonRpcMessage) => void } | undefined {
    const able = (s: Session): boolean => !s.ended && (!capability || s.capabilities[capability] !== undefined);
    let best: Pending | undefined;
    for (const entry of this.pending.values()) {
      if (able(entry.session) && (entry.ctx.notify || entry.session.getStream?.open)) best = entry; // newest last
    }
    if (best) return { session: best.session, notify: best.ctx.notify };
    let recent: Session | undefined;
    for (const s of this.options.sessions()) {
      if (able(s) && s.getStream?.open && (!recent || s.lastActive > recent.lastActive)) recent = s;
    }
    return recent && { session: recent };
  }

  private serverNotification(message: JsonRpcMessage): void {
    const params = message.params ?? {};
    if (message.method === "notifications/progress") {
      const entry = typeof params.progressToken === "number" ? this.pending.get(params.progressToken) : undefined;
      if (!entry) return;
      message.params = { ...params, progressToken: entry.originalToken };
      (entry.ctx.notify ?? sendOn(entry.session))(message);
      return;
    }
    if (message.method === "notifications/cancelled") {
      const id = params.requestId;
      const owner = this.serverRequests.get(`${typeof id}:${String(id)}`);
      if (owner) sendOn(owner)(message);
      return;
    }
    const uri = params.uri;
    const forUpdate = message.method === "notifications/resources/updated" && typeof uri === "string";
    // list_changed, logging and the rest concern every client of this server.
    for (const session of this.options.sessions()) {
      if (forUpdate && !session.subscriptions.has(uri)) continue;
      sendOn(session)(message);
    }
  }

  private otherSubscriber(session: Session, message: JsonRpcMessage): boolean {
    const uri = message.params?.uri;
    if (typeof uri !== "string") return false;
    for (const s of this.options.sessions()) if (s !== session && s.subscriptions.has(uri)) return true;
    return false;
  }
}

/** Unrelated messages may only use the session's GET stream; without one they are dropped (no resumability). */
function sendOn(session: Session): (message: JsonRpcMessage) => void {
  return (message) => {
    if (session.getStream?.open) session.getStream.send(message);
  };
}
