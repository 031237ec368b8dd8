/**
 * Log lines as JSON on the bridge's stderr. Secret values are replaced per complete line, so a secret that a child
 * writes across two pipe chunks is still caught.
 */

export type LogStream = "stderr" | "stdout" | "system";

/** Beyond this a log line is flushed without its newline so a child that never writes one cannot grow memory. */
export const MAX_LOG_LINE_CHARS = 256 * 1024;

/** Lines of a multi-line secret shorter than this are not redacted on their own. */
const MIN_SECRET_LINE_CHARS = 8;

export type Logger = {
  log(stream: LogStream, line: string): void;
  redact(text: string): string;
};

export function createLogger(options: { secrets: string[]; write?: (text: string) => void }): Logger {
  // Lines are redacted one at a time, so a multi-line secret (a PEM key) could never match whole: its lines are
  // secrets too. Very short lines ("}", "") are skipped, as replacing them everywhere would garble every log line.
  const pieces = options.secrets.flatMap((s) => (/[\r\n]/.test(s) ? [s, ...s.split(/\r?\n/).filter((l) => l.trim().length >= MIN_SECRET_LINE_CHARS)] : [s]));
  // Longest first so a secret that contains another is replaced whole.
  const secrets = [...new Set(pieces.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  const redact = (text: string): string => {
    let out = text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join("[redacted]");
    return out;
  };
  return {
    redact,
    log(stream, line) {
      write(JSON.stringify({ at: new Date().toISOString(), stream, line: redact(line) }) + "\n");
    },
  };
}

/** Splits a byte stream into lines (without the newline, CR trimmed). */
export class LineSplitter {
  private pending = "";
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxChars = MAX_LOG_LINE_CHARS,
  ) {}

  push(chunk: string): void {
    let text = this.pending + chunk;
    let start = 0;
    let nl = text.indexOf("\n", start);
    while (nl !== -1) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.onLine(text.slice(start, end));
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    text = start === 0 ? text : text.slice(start);
    if (text.length > this.maxChars) {
      this.onLine(text);
      text = "";
    }
    this.pending = text;
  }

  /** Emits what is left when the stream ends. */
  end(): void {
    if (this.pending.length > 0) this.onLine(this.pending);
    this.pending = "";
  }
}
