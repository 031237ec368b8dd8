import { describe, expect, it } from "vitest";
import { createDeploymentSchema } from "@/lib/schemas/deployment";
import { validationError } from "./api-error";

describe("validationError", () => {
  it("names the rule a bad variable name breaks, on that field", () => {
    const parsed = createDeploymentSchema.safeParse({ spec: {}, extraEnv: { "1BAD": "x" } });
    expect(parsed.success).toBe(false);
    const error = validationError(parsed.error!);
    expect(error.status).toBe(422);
    expect(error.fields?.["extraEnv.1BAD"]).toEqual(["Use letters, digits and _ (not starting with a digit)"]);
  });

  it("lists unknown fields", () => {
    const parsed = createDeploymentSchema.safeParse({ spec: {}, admin: true });
    expect(validationError(parsed.error!).fields?.[""]?.[0]).toBe("unknown field(s): admin");
  });
});
