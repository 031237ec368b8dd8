/** Client sessions of the Streamable HTTP transport. All of them share the one server process (see README). */
import { randomUUID } from "node:crypto";
import type { JsonRpcMessage } from "./protocol";

/** Somewhere a message can be pushed to a client right now: an open SSE stream. */
export type Channel = { send(message: JsonRpcMessage): void; close(): void; readonly open: boolean };

export type Session = {
  /** random UUID v4 from the CSPRNG: unguessable, and only visible ASCII as the spec requires */
  readonly id: string;
  readonly protocolVersion: string;
  readonly capabilities: Record<string, unknown>;
  /** the standalone GET stream, if the client opened one */
  getStream: Channel | undefined;
  /** resource URIs this session subscribed to, so updates reach only the sessions that asked */
  readonly subscriptions: Set<string>;
  lastActive: number;
  ended: boolean;
};

/** Sessions nobody has touched for this long (and that hold no stream) are forgotten; most clients never DELETE. */
const IDLE_MS = 30 * 60_000;

export class SessionStore {
  private readonly byId = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly onEnd: (session: Session) => void) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  get size(): number {
    return this.byId.size;
  }

  all(): IterableIterator<Session> {
    return this.byId.values();
  }

  create(options: { protocolVersion: string; capabilities: Record<string, unknown> }): Session {
    const session: Session = {
      id: randomUUID(),
      protocolVersion: options.protocolVersion,
      capabilities: options.capabilities,
      getStream: undefined,
      subscriptions: new Set(),
      lastActive: Date.now(),
      ended: false,
    };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string): Session | undefined {
    const session = this.byId.get(id);
    if (session) session.lastActive = Date.now();
    return session;
  }

  end(session: Session): void {
    if (session.ended) return;
    session.ended = true;
    this.byId.delete(session.id);
    this.onEnd(session);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const session of [...this.byId.values()]) this.end(session);
  }

  private sweep(): void {
    const cutoff = Date.now() - IDLE_MS;
    for (const session of [...this.byId.values()]) {
      if (session.lastActive < cutoff && !session.getStream?.open) this.end(session);
    }
  }
}
