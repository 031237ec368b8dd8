import "server-only";
import type { RuntimeLogLine } from "@/lib/server/runtime/runner";

export type LogListener = (line: RuntimeLogLine) => void;

/**
 * A bounded ring of recent log lines with live subscribers. Everything entering it goes through `redact`, so neither
 * the buffer nor a listener ever sees a secret value, even for lines the bridge did not produce (install output).
 */
export class LogBuffer {
  private readonly lines: RuntimeLogLine[] = [];
  private readonly listeners = new Set<LogListener>();
  private secrets: string[] = [];

  constructor(private readonly capacity = 1000) {}

  /** Values to mask. Short values are skipped: masking "1" or "on" would shred every line and protect nothing. */
  setSecrets(values: Iterable<string>): void {
    this.secrets = [...new Set([...values].filter((v) => v.length >= 4))].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join("[redacted]");
    return out;
  }

  push(stream: RuntimeLogLine["stream"], line: string, at = new Date()): void {
    const entry: RuntimeLogLine = { at, stream, line: this.redact(line) };
    this.lines.push(entry);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A broken subscriber (a closed SSE stream) must not stop logging for the others.
      }
    }
  }

  recent(limit = this.capacity): RuntimeLogLine[] {
    return this.lines.slice(-limit);
  }

  /** Last stderr/system lines, for error messages a user reads when a start fails. */
  tail(count: number): string {
    return this.lines
      .filter((l) => l.stream !== "stdout")
      .slice(-count)
      .map((l) => l.line)
      .join("\n");
  }

  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
