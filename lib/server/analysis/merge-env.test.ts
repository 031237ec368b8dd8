import { describe, expect, it } from "vitest";
import type { EnvFinding } from "./detectors/findings";
import { mergeEnv } from "./merge-env";

const f = (detector: EnvFinding["detector"], name: string, extra: Partial<EnvFinding> = {}): EnvFinding => ({
  detector,
  name,
  evidence: { file: detector, reason: "test" },
  ...extra,
});

describe("env merge rules", () => {
  it("takes each field from the most authoritative file that has an opinion", () => {
    const { env } = mergeEnv([
      f("source-scan", "ACME_REGION", { default: "us-1" }),
      f("readme-config", "ACME_REGION", { required: true }),
      f("readme-env", "ACME_REGION", { required: false, description: "Region of your account" }),
    ]);
    expect(env).toEqual([{ name: "ACME_REGION", description: "Region of your account", required: false, secret: false, default: "us-1", choices: undefined, format: undefined, group: undefined }]);
  });

  it("lets documents decide required-ness over the code, and the code decide when documents are silent", () => {
    const documented = mergeEnv([f("readme-env", "ACME_TOKEN", { required: false }), f("source-scan", "ACME_TOKEN", { required: true })]).env[0];
    expect(documented.required).toBe(false);
    const silent = mergeEnv([f("env-example", "ACME_ENDPOINT"), f("source-scan", "ACME_ENDPOINT", { required: true })]).env[0];
    expect(silent.required).toBe(true);
  });

  it("treats a documented default as optional unless env docs say required", () => {
    const configured = mergeEnv([f("readme-config", "ACME_STORE_PATH", { required: true }), f("readme-env", "ACME_STORE_PATH", { default: "store.db" })]).env[0];
    expect(configured).toMatchObject({ required: false, default: "store.db" });
    const insisted = mergeEnv([f("readme-env", "ACME_STORE_PATH", { required: true, default: "store.db" })]).env[0];
    expect(insisted.required).toBe(true);
  });

  it("keeps code-only names when they are credentials or the code requires them, and lists the rest in a warning", () => {
    const { env, warnings } = mergeEnv([
      f("source-scan", "ACME_API_KEY"),
      f("source-scan", "ACME_ENDPOINT", { required: true }),
      f("source-scan", "ACME_CACHE_TTL", { default: "60" }),
    ]);
    expect(env.map((e) => e.name).sort()).toEqual(["ACME_API_KEY", "ACME_ENDPOINT"]);
    expect(warnings.join(" ")).toContain("ACME_CACHE_TTL");
  });

  it("treats server.json as the complete list of names when it has one", () => {
    const { env } = mergeEnv([
      f("server-json", "ACME_TOKEN", { required: true, secret: true }),
      f("readme-env", "ACME_DEV_TOKEN", { required: true }),
      f("readme-env", "ACME_TOKEN", { description: "from the README" }),
    ]);
    expect(env.map((e) => e.name)).toEqual(["ACME_TOKEN"]);
    expect(env[0].description).toBe("from the README");
  });

  it("counts a smithery camelCase guess only when another file confirms the name", () => {
    expect(mergeEnv([f("smithery", "ACME_MAX_ITEMS", { needsConfirmation: true })]).env).toEqual([]);
    expect(mergeEnv([f("smithery", "ACME_MAX_ITEMS", { needsConfirmation: true }), f("source-scan", "ACME_MAX_ITEMS")]).env).toHaveLength(1);
  });

  it("falls back to the name for secret-ness, and to the description when the name is vague", () => {
    const { env } = mergeEnv([
      f("readme-env", "ACME_PASSWORD"),
      f("readme-env", "ACME_CREDENTIAL_VALUE", { description: "Your API key" }),
      f("readme-env", "ACME_CLIENT_ID", { description: "OAuth client id, not the secret" }),
    ]);
    const byName = Object.fromEntries(env.map((e) => [e.name, e]));
    expect(byName.ACME_PASSWORD).toMatchObject({ secret: true, required: true });
    expect(byName.ACME_CREDENTIAL_VALUE.secret).toBe(true);
    expect(byName.ACME_CLIENT_ID.secret).toBe(false);
  });

  it("makes grouped (either/or) entries required within their group and guesses formats from defaults and names", () => {
    const { env } = mergeEnv([
      f("readme-env", "ACME_USER", { group: "user-password" }),
      f("readme-env", "ACME_PAGE_SIZE", { default: "50" }),
      f("readme-env", "ACME_CONFIG_PATH"),
    ]);
    const byName = Object.fromEntries(env.map((e) => [e.name, e]));
    expect(byName.ACME_USER).toMatchObject({ required: true, group: "user-password" });
    expect(byName.ACME_PAGE_SIZE.format).toBe("number");
    expect(byName.ACME_CONFIG_PATH.format).toBe("filepath");
  });
});
