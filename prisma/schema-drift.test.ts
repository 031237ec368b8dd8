import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";

describe("prisma/migrations", () => {
  it("match schema.prisma exactly", () => {
    const result = spawnSync(process.execPath, ["scripts/new-migration.mjs", "--check"], { encoding: "utf8", timeout: 200_000 });
    expect(result.stderr).not.toContain("no migration covers");
    expect(result.stdout).toContain("agree");
    expect(result.status).toBe(0);
  }, 220_000);
});
