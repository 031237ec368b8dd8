import { describe, expect, it } from "vitest";
import { LineSplitter, createLogger } from "./log";
import { parseArgs } from "./args";

describe("log redaction", () => {
  it("replaces every secret value, longest first, and skips empty ones", () => {
    const out: string[] = [];
    const logger = createLogger({ secrets: ["abc", "abcdef", ""], write: (t) => out.push(t) });
    logger.log("stderr", "key=abcdef short=abc twice abc");
    const line = JSON.parse(out[0]) as { stream: string; line: string; at: string };
    expect(line.stream).toBe("stderr");
    expect(line.line).toBe("key=[redacted] short=[redacted] twice [redacted]");
    expect(Number.isNaN(Date.parse(line.at))).toBe(false);
  });

  it("splits chunks into whole lines so a secret cut between chunks is still one line", () => {
    const lines: string[] = [];
    const split = new LineSplitter((l) => lines.push(l));
    split.push("first\r\nsec");
    split.push("ret tail");
    expect(lines).toEqual(["first"]);
    split.push("\n");
    split.end();
    expect(lines).toEqual(["first", "secret tail"]);
  });

  it("flushes an over-long line instead of buffering without bound", () => {
    const lines: string[] = [];
    const split = new LineSplitter((l) => lines.push(l), 10);
    split.push("x".repeat(25));
    expect(lines).toEqual(["x".repeat(25)]);
  });
});

describe("host arguments", () => {
  it("reads the documented flags and the command after --", () => {
    const o = parseArgs(["--port", "0", "--secret-env", "A", "--secret-env=B", "--body-limit", "10", "--allowed-origin", "https://x", "--", "npx", "-y", "pkg", "--port", "9"]);
    expect(o).toMatchObject({ host: "127.0.0.1", port: 0, secretEnv: ["A", "B"], bodyLimit: 10, allowedOrigins: ["https://x"], command: "npx", args: ["-y", "pkg", "--port", "9"] });
  });

  it("refuses a missing command and unknown flags", () => {
    expect(() => parseArgs(["--port", "1"])).toThrow(/missing the server command/);
    expect(() => parseArgs(["--bogus", "--", "x"])).toThrow(/unknown option/);
    expect(() => parseArgs(["--port", "-1", "--", "x"])).toThrow(/--port/);
  });
});
