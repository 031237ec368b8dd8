/** `--secret-file NAME=PATH`, the way the Fly runner hands credentials to the bridge. */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "./args";
import { createLogger } from "./log";
import { readSecretFiles } from "./secret-files";
import { buildHost, startBridge, waitFor } from "./testing/harness";

const dir = (): string => mkdtempSync(join(tmpdir(), "catwalk-secret-"));

describe("--secret-file arguments", () => {
  it("takes the runner's shape, NAME=/run/catwalk/env/NAME, in both spellings and repeatable", () => {
    const o = parseArgs(["--secret-env", "API_KEY", "--secret-file", "API_KEY=/run/catwalk/env/API_KEY", "--secret-file=B=/x=y", "--", "npx", "pkg"]);
    expect(o.secretFiles).toEqual([
      { name: "API_KEY", path: "/run/catwalk/env/API_KEY" },
      { name: "B", path: "/x=y" },
    ]);
    expect(o.secretEnv).toEqual(["API_KEY"]);
  });

  it("refuses a value without NAME=PATH or with a name no process env can hold", () => {
    for (const bad of ["API_KEY", "=/p", "API_KEY=", "API-KEY=/p", "1A=/p"]) {
      expect(() => parseArgs(["--secret-file", bad, "--", "x"])).toThrow(/--secret-file needs NAME=PATH/);
    }
  });
});

describe("reading secret files", () => {
  it("trims exactly one trailing newline (LF or CRLF) and keeps everything else", () => {
    const d = dir();
    const files = { A: "plain", B: "line\n", C: "crlf\r\n", D: "two\n\n", E: " spaced \n", F: "multi\nline\n" };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    const env = readSecretFiles(Object.keys(files).map((name) => ({ name, path: join(d, name) })));
    expect(env).toEqual({ A: "plain", B: "line", C: "crlf", D: "two\n", E: " spaced ", F: "multi\nline" });
  });

  it("names the variable and the path when a file is missing or a directory", () => {
    const d = dir();
    mkdirSync(join(d, "sub"));
    expect(() => readSecretFiles([{ name: "TOKEN", path: join(d, "nope") }])).toThrow(`cannot read --secret-file TOKEN=${join(d, "nope")}: no such file`);
    expect(() => readSecretFiles([{ name: "TOKEN", path: join(d, "sub") }])).toThrow(/TOKEN=.*sub: it is a directory/);
  });

  it("redacts each substantial line of a multi-line secret, since logs are redacted line by line", () => {
    const out: string[] = [];
    const key = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\nAQ==\n-----END KEY-----";
    const logger = createLogger({ secrets: [key], write: (t) => out.push(t) });
    for (const line of key.split("\n")) logger.log("stderr", `got ${line}`);
    const lines = out.map((t) => (JSON.parse(t) as { line: string }).line);
    // "AQ==" is too short to redact on its own without garbling unrelated output; the long lines are caught.
    expect(lines).toEqual(["got [redacted]", "got [redacted]", "got AQ==", "got [redacted]"]);
  });
});

describe("bridge with --secret-file", () => {
  it("gives the server the file's value as NAME and keeps the value out of the logs", async () => {
    const secret = "sk-file-9c1e77ab03";
    const d = dir();
    writeFileSync(join(d, "API_TOKEN"), `${secret}\n`);
    // The server prints the value raw (must be redacted) and base64-encoded (proves what it received, untrimmed).
    const script = [
      "const s = process.env.API_TOKEN;",
      "process.stderr.write('raw ' + s + '\\nb64 ' + Buffer.from(s).toString('base64') + '\\n');",
      "setInterval(() => {}, 1000);",
    ].join("\n");
    const bridge = await startBridge({
      server: [process.execPath, "-e", script],
      // A stale value in the bridge's own env must lose to the file, and must be redacted too.
      env: { API_TOKEN: "stale-env-value-123" },
      flags: ["--secret-env", "API_TOKEN", "--secret-file", `API_TOKEN=${join(d, "API_TOKEN")}`, "--init-timeout", "5000"],
    });
    try {
      const b64 = await waitFor(() => bridge.logs.find((l) => l.line.startsWith("b64 ")));
      expect(Buffer.from(b64.line.slice(4), "base64").toString("utf8")).toBe(secret);
      expect(bridge.logs.find((l) => l.line.startsWith("raw "))?.line).toBe("raw [redacted]");
      expect(JSON.stringify(bridge.logs)).not.toContain(secret);
    } finally {
      await bridge.stop();
    }
  });

  it("exits 1 with a message naming NAME and PATH, without starting the server, when the file is missing", async () => {
    const host = await buildHost();
    const missing = join(dir(), "GITHUB_TOKEN");
    const marker = join(dir(), "server-started");
    const proc = spawn(process.execPath, [host, "--secret-file", `GITHUB_TOKEN=${missing}`, "--", process.execPath, "-e", `require("fs").writeFileSync(${JSON.stringify(marker)}, "")`], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    proc.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    proc.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => proc.once("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toContain(`catwalk host: cannot read --secret-file GITHUB_TOKEN=${missing}: no such file`);
    expect(stdout).toBe(""); // no "listening" line: a runner must not take this bridge for healthy
    expect(existsSync(marker)).toBe(false);
  });
});
