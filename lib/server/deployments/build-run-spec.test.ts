import { describe, expect, it } from "vitest";
import type { ServerSpec } from "@/lib/spec/server-spec";
import { buildRunSpec } from "./build-run-spec";

const spec: ServerSpec = {
  name: "weather",
  repository: { url: "https://github.com/acme/weather" },
  runtime: "npm",
  package: "@acme/weather-mcp",
  command: "npx",
  args: ["-y", "@acme/weather-mcp"],
  transport: "stdio",
  env: [
    { name: "WEATHER_API_KEY", required: true, secret: true },
    { name: "WEATHER_UNITS", required: false, secret: false },
    { name: "WEATHER_CALLBACK_URL", required: false, secret: false },
    { name: "ADDED", required: false, secret: true, description: "Added by you" },
  ],
  confidence: 1,
  evidence: [],
  analyzer: "heuristic",
};

describe("buildRunSpec", () => {
  const run = buildRunSpec("dep_1", spec, {
    env: { WEATHER_API_KEY: "k", WEATHER_UNITS: "metric", WEATHER_CALLBACK_URL: "https://user:pw@hooks.example.com/x", ADDED: "abcd", EMPTY: "" },
    args: ["/srv/data", "x"],
    extra: [{ name: "ADDED", secret: true }],
  });

  it("appends the user's arguments and passes only the values that are set", () => {
    expect(run.args).toEqual(["-y", "@acme/weather-mcp", "/srv/data", "x"]);
    expect(Object.keys(run.env).sort()).toEqual(["ADDED", "WEATHER_API_KEY", "WEATHER_CALLBACK_URL", "WEATHER_UNITS"]);
  });

  it("redacts secrets and long values from logs, but not a short setting like `metric` that would garble every line", () => {
    expect(run.redactEnv?.sort()).toEqual(["ADDED", "WEATHER_API_KEY", "WEATHER_CALLBACK_URL"]);
    expect(run.redactValues).toEqual(["/srv/data"]);
  });
});
