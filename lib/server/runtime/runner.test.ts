import { describe, expect, it, vi } from "vitest";

describe("RuntimeError", () => {
  it("is recognised across separate copies of its module (Next loads one per route)", async () => {
    const first = await import("./runner");
    vi.resetModules();
    const second = await import("./runner");
    expect(second.RuntimeError).not.toBe(first.RuntimeError);
    const error = new first.RuntimeError("install_failed", "npm said no");
    expect(error instanceof second.RuntimeError).toBe(true);
    expect(new Error("plain") instanceof second.RuntimeError).toBe(false);
  });
});
