import { afterAll, describe, expect, it, vi } from "vitest";
import { newKeyringEntry } from "@/lib/server/crypto/secret-box";

// Two generations of keys: the deployment is sealed under k1, then k2 is put first and rotation runs.
const k1 = newKeyringEntry("k1");
const k2 = newKeyringEntry("k2");

describe("catwalk secrets rotate", () => {
  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/server/db/client");
    await disconnectDb();
  });

  it("re-seals every value under the newest key and keeps the plaintext", async () => {
    vi.stubEnv("CATWALK_ENCRYPTION_KEYS", k1);
    vi.resetModules();
    const { getDb } = await import("@/lib/server/db/client");
    const { sealCredentials } = await import("./stored-credentials");
    const db = await getDb();
    const user = await db.user.create({ data: { email: `rotate-${Date.now()}@example.com` } });
    const id = `dep_rotate${Date.now()}`;
    await db.deployment.create({
      data: { id, userId: user.id, name: "r", spec: {}, runner: "local", encryptedEnv: sealCredentials(id, { env: { API_KEY: "value-one" }, args: ["/data"], extra: [] }) },
    });

    // One deployment sealed under a key nobody configured any more: it must be reported, not abort the rotation.
    vi.stubEnv("CATWALK_ENCRYPTION_KEYS", newKeyringEntry("lost"));
    vi.resetModules();
    const lost = await import("./stored-credentials");
    const lostId = `dep_lost${Date.now()}`;
    await db.deployment.create({
      data: { id: lostId, userId: user.id, name: "l", spec: {}, runner: "local", encryptedEnv: lost.sealCredentials(lostId, { env: { K: "v" }, args: [], extra: [] }) },
    });

    vi.stubEnv("CATWALK_ENCRYPTION_KEYS", `${k2},${k1}`);
    vi.resetModules();
    const { rotateCredentials } = await import("./rotate-credentials");
    const { readStoredCredentials } = await import("./stored-credentials");
    const result = await rotateCredentials();
    // Other suites share this database with deployments sealed under their own keys: those are reported, not fatal.
    expect(result.failed.map((f) => f.deploymentId)).not.toContain(id);
    expect(result.failed).toContainEqual({ deploymentId: lostId, reason: expect.stringContaining('"lost"') });
    expect(result.values).toBeGreaterThanOrEqual(2);
    const { getDb: getDb2 } = await import("@/lib/server/db/client");
    const row = await (await getDb2()).deployment.findUniqueOrThrow({ where: { id }, select: { encryptedEnv: true } });
    const stored = readStoredCredentials(row.encryptedEnv);
    expect(stored.env.API_KEY!.split(".")[1]).toBe("k2");
    expect(stored.args[0]!.split(".")[1]).toBe("k2");

    // k1 can now go: the values open with k2 alone.
    vi.stubEnv("CATWALK_ENCRYPTION_KEYS", k2);
    vi.resetModules();
    const fresh = await import("./stored-credentials");
    expect(fresh.openCredentials(id, stored)).toEqual({ env: { API_KEY: "value-one" }, args: ["/data"], extra: [] });
  });
});
