import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, newKeyringEntry, parseKeyring, sealedKeyId } from "./secret-box";

describe("secret box", () => {
  const older = parseKeyring(newKeyringEntry("k1"));
  const rotated = parseKeyring(`${newKeyringEntry("k2")},${newKeyringEntry("k1").replace(/:.*/, ":")}${older[0]!.key.toString("base64")}`);

  it("round-trips a value and never contains the plaintext", () => {
    const sealed = encryptSecret(older, "sk-live-123", "dep_1");
    expect(sealed).not.toContain("sk-live-123");
    expect(decryptSecret(older, sealed, "dep_1")).toBe("sk-live-123");
  });

  it("uses a fresh nonce for every value", () => {
    expect(encryptSecret(older, "same", "dep_1")).not.toBe(encryptSecret(older, "same", "dep_1"));
  });

  it("refuses a ciphertext moved to another deployment or tampered with", () => {
    const sealed = encryptSecret(older, "token", "dep_1");
    expect(() => decryptSecret(older, sealed, "dep_2")).toThrow(/authentication/);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(older, parts.join("."), "dep_1")).toThrow(/authentication/);
  });

  it("rotates: new values use the newest key, old values still open", () => {
    const old = encryptSecret(older, "v", "d");
    expect(decryptSecret(rotated, old, "d")).toBe("v");
    expect(sealedKeyId(encryptSecret(rotated, "v", "d"))).toBe("k2");
    expect(() => decryptSecret(parseKeyring(newKeyringEntry("k9")), old, "d")).toThrow(/"k1"/);
  });

  it("explains a malformed key setting", () => {
    expect(() => parseKeyring("nonsense")).toThrow(/CATWALK_ENCRYPTION_KEYS/);
    expect(() => parseKeyring("k1:c2hvcnQ=")).toThrow(/need 32/);
  });
});
