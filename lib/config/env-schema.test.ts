import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { envSchema, parseEnv } from "./env-schema";

const example = Object.fromEntries(
  readFileSync(".env.example", "utf8")
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
);

describe("configuration", () => {
  it(".env.example documents every setting and is itself valid", () => {
    const documented = Object.keys(example).sort();
    const known = Object.keys(envSchema.shape).filter((k) => k !== "NODE_ENV").sort();
    expect(documented).toEqual(known);
    expect(() => parseEnv(example)).not.toThrow();
  });

  it("starts with nothing set", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ CATWALK_RUNNER: "local", PORT: 3000, CATWALK_SANDBOX: "auto" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("accepts both postgres URL forms Fly hands out, and names a bad variable", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db.internal:5432/app?sslmode=disable" }).DATABASE_URL).toContain("sslmode=disable");
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h/db" }).DATABASE_URL).toBe("postgresql://u@h/db");
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ CATWALK_RUNNER: "kubernetes" })).toThrow(/CATWALK_RUNNER/);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
  });
});
