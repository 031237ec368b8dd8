import { describe, expect, it } from "vitest";
import { listMissingEnv, normalizeServerSpec } from "@/lib/spec/server-spec";
import { computeAnalysisCacheKey } from "./compute-cache-key";

describe("normalizeServerSpec", () => {
  it("reads a server.json package entry in the 2025 camelCase form", () => {
    const spec = normalizeServerSpec({
      name: "io.github.acme/x",
      repository: { url: "https://github.com/acme/x" },
      packages: [
        { registryType: "nuget", identifier: "Acme.X", version: "1.0.0" },
        {
          registryType: "npm",
          identifier: "@acme/x",
          version: "1.2.3",
          transport: { type: "stdio" },
          packageArguments: [{ type: "positional", valueHint: "root_dir", isRequired: true, description: "Folder to serve" }],
          environmentVariables: [{ name: "X_TOKEN", isRequired: true, isSecret: true }],
        },
      ],
    });
    expect(spec).toMatchObject({ runtime: "npm", package: "@acme/x", command: "npx", args: ["-y", "@acme/x@1.2.3"], transport: "stdio" });
    expect(spec.env).toEqual([expect.objectContaining({ name: "X_TOKEN", required: true, secret: true })]);
    expect(spec.args_required).toEqual([{ name: "root_dir", description: "Folder to serve" }]);
  });

  it("reads the older snake_case form (registry_name, name, environment_variables, is_required)", () => {
    const spec = normalizeServerSpec({
      name: "io.github.acme/y",
      packages: [{ registry_name: "docker", name: "ghcr.io/acme/y", version: "0.3", environment_variables: [{ name: "Y_KEY", is_required: true, is_secret: true }] }],
    });
    expect(spec).toMatchObject({ runtime: "oci", command: "docker", args: ["run", "-i", "--rm", "ghcr.io/acme/y:0.3"] });
    expect(spec.env[0]).toMatchObject({ name: "Y_KEY", required: true, secret: true });
  });

  it("accepts a ServerSpec with camelCase keys and rejects launchers outside the allowed list", () => {
    const base = { name: "x", repository: { url: "u" }, runtime: "npm", package: "x", command: "npx", args: ["-y", "x"], transport: "stdio", env: [{ name: "A_KEY", isRequired: true, isSecret: true }], argsRequired: [{ name: "dir" }], confidence: 0.5, evidence: [], analyzer: "llm" };
    const spec = normalizeServerSpec(base);
    expect(spec.args_required).toEqual([{ name: "dir" }]);
    expect(spec.env[0]).toMatchObject({ required: true, secret: true });
    expect(() => normalizeServerSpec({ ...base, command: "bash" })).toThrow();
  });
});

describe("listMissingEnv (the either/or rule shared with the form)", () => {
  const env = [
    { name: "BASE_URL", required: true, secret: false },
    { name: "API_KEY", required: true, secret: true, group: "api-key" },
    { name: "USERNAME", required: true, secret: false, group: "password" },
    { name: "PASSWORD", required: true, secret: true, group: "password" },
  ];
  it("is satisfied by one complete group", () => {
    expect(listMissingEnv({ env }, { BASE_URL: "u", API_KEY: "k" })).toEqual([]);
    expect(listMissingEnv({ env }, { BASE_URL: "u", USERNAME: "a", PASSWORD: "b" })).toEqual([]);
  });
  it("names what is missing from the group the user started", () => {
    expect(listMissingEnv({ env }, { USERNAME: "a" })).toEqual(["BASE_URL", "PASSWORD"]);
    expect(listMissingEnv({ env }, { BASE_URL: "u" })).toEqual(["API_KEY"]);
  });
});

describe("computeAnalysisCacheKey", () => {
  it("is the same for spellings of one repository and differs by subfolder and commit", () => {
    const a = computeAnalysisCacheKey({ url: "https://github.com/Acme/Servers.git", subfolder: "src/x/", commit: "ABC" });
    expect(a).toBe(computeAnalysisCacheKey({ url: "https://www.github.com/acme/servers/", subfolder: "src/x", commit: "abc" }));
    expect(a).not.toBe(computeAnalysisCacheKey({ url: "https://github.com/acme/servers", subfolder: "src/y", commit: "abc" }));
    expect(a).not.toBe(computeAnalysisCacheKey({ url: "https://github.com/acme/servers", subfolder: "src/x", commit: "abd" }));
  });
  it("refuses to key an analysis without a commit", () => {
    expect(computeAnalysisCacheKey({ url: "https://github.com/acme/servers" })).toBeUndefined();
  });
});
