import { describe, expect, it } from "vitest";
import { RuntimeError, type RunSpec } from "@/lib/server/runtime/runner";
import { validateLaunch } from "@/lib/server/runtime/validate-launch";

const PKG = "@modelcontextprotocol/server-everything";

function spec(overrides: Partial<RunSpec>): RunSpec {
  return { deploymentId: "dep_1", runtime: "npm", package: PKG, command: "npx", args: ["-y", PKG], env: {}, ...overrides };
}

function rejection(overrides: Partial<RunSpec>): string {
  try {
    validateLaunch(spec(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as RuntimeError).code).toBe("invalid_spec");
    return (error as RuntimeError).message;
  }
  throw new Error("expected invalid_spec");
}

describe("validateLaunch", () => {
  it("accepts the usual npx form and keeps the server's own arguments", () => {
    const plan = validateLaunch(spec({ args: ["-y", `${PKG}@2026.8.31`, "stdio"] }));
    expect(plan).toEqual({ runtime: "npm", package: PKG, version: "2026.8.31", bin: undefined, args: ["stdio"] });
  });

  it("accepts npx --package with a bin name and server options after it", () => {
    const plan = validateLaunch(spec({ args: ["-y", "--package", PKG, "mcp-server-everything", "--port", "3"] }));
    expect(plan).toMatchObject({ bin: "mcp-server-everything", args: ["--port", "3"] });
  });

  it("accepts node with a script inside the package", () => {
    expect(validateLaunch(spec({ command: "node", args: ["dist/index.js", "x"] }))).toMatchObject({ script: "dist/index.js" });
  });

  it.each([
    ["shell metacharacters", "pkg;rm -rf /"],
    ["command substitution", "$(curl evil)"],
    ["a leading dash (argument injection)", "--registry=http://evil"],
    ["a path", "../../etc/passwd"],
    ["an absolute path", "/tmp/pkg"],
    ["a URL", "https://evil.example/pkg.tgz"],
    ["a git spec", "git+ssh://git@github.com/a/b"],
    ["upper case", "Foo"],
  ])("rejects package names with %s", (_label, name) => {
    expect(rejection({ package: name, args: ["-y", name] })).toMatch(/not a valid npm package name/);
  });

  it("rejects a package that does not match what npx would run", () => {
    expect(rejection({ args: ["-y", "other-package"] })).toMatch(/spec's package/);
  });

  it.each(["bash", "sh", "/usr/bin/node", "curl", "npm", "deno"])("rejects the launcher %s", (command) => {
    expect(rejection({ command })).toMatch(/not allowed/);
  });

  it.each([
    [["--call", "id"]],
    [["-c", "id"]],
    [["-y", "--node-options=--require=/tmp/x.js", PKG]],
    [["--yes", "--shell", "/bin/sh", PKG]],
  ])("rejects npx options that smuggle commands: %j", (args) => {
    expect(rejection({ args })).toMatch(/npx option .* is not allowed/);
  });

  it.each([
    [["-e", "require('child_process').exec('id')"]],
    [["--eval=1"]],
    [["-r", "/tmp/evil.js", "index.js"]],
    [["--require", "x"]],
    [["--import", "data:text/javascript,1"]],
    [["--inspect=0.0.0.0:9229", "index.js"]],
  ])("rejects node options: %j", (args) => {
    expect(rejection({ command: "node", args })).toMatch(/node option .* is not allowed/);
  });

  it.each([["../outside.js"], ["/etc/x.js"], ["a/../../b.js"], ["index.sh"]])("rejects node scripts outside the package: %s", (script) => {
    expect(rejection({ command: "node", args: [script] })).toMatch(/relative \.js path/);
  });

  it("rejects python -c and uvx options", () => {
    expect(rejection({ runtime: "python", package: "mcp-server-fetch", command: "python", args: ["-c", "import os"] })).toMatch(/python -m/);
    expect(rejection({ runtime: "python", package: "mcp-server-fetch", command: "uvx", args: ["--with", "evil", "mcp-server-fetch"] })).toMatch(
      /uvx option/,
    );
  });

  it("accepts uvx with a pinned version", () => {
    const plan = validateLaunch(spec({ runtime: "python", package: "mcp-server-fetch", command: "uvx", args: ["mcp-server-fetch==1.0.0", "--x"] }));
    expect(plan).toMatchObject({ runtime: "python", version: "1.0.0", args: ["--x"] });
  });

  it("rejects version ranges, bad env names and bad deployment ids", () => {
    expect(rejection({ version: "^1.0.0 || >2" })).toMatch(/exact version/);
    expect(rejection({ env: { "A=B": "x" } })).toMatch(/environment variable/);
    expect(rejection({ deploymentId: "../x" })).toMatch(/deployment id/);
  });

  it.each(["NODE_OPTIONS", "LD_PRELOAD", "PATH", "HOME"])("rejects env %s, which would load code outside the sandbox", (name) => {
    expect(rejection({ env: { [name]: "--require=/tmp/x.js" } })).toMatch(/set by Catwalk/);
  });

  it("rejects newlines in server arguments", () => {
    expect(rejection({ args: ["-y", PKG, "a\nb"] })).toMatch(/newline/);
  });
});
