import "server-only";

/** Failed password sign-ins allowed per account and client address in one window. */
export const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

type Entry = { failures: number; since: number };

const holder = globalThis as typeof globalThis & { __catwalkSignInFailures?: Map<string, Entry> };
const failures = (holder.__catwalkSignInFailures ??= new Map());

/**
 * Slows password guessing: after MAX_FAILURES wrong passwords for one email from one client address, that pair is
 * refused for the rest of the window, even with the right password. Keyed by address too, so a stranger who knows
 * an email cannot lock its owner out from everywhere. Per app instance (memory), which is enough to make guessing
 * slow; a shared store would make it exact.
 */
export function signInKey(email: string, headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["fly-client-ip"] ?? headers?.["x-forwarded-for"];
  const address = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || "direct";
  return `${email.trim().toLowerCase()}|${address}`;
}

export function isThrottled(key: string, now = Date.now()): boolean {
  const entry = failures.get(key);
  if (!entry) return false;
  if (now - entry.since > WINDOW_MS) {
    failures.delete(key);
    return false;
  }
  return entry.failures >= MAX_FAILURES;
}

export function recordFailure(key: string, now = Date.now()): void {
  const entry = failures.get(key);
  if (!entry || now - entry.since > WINDOW_MS) failures.set(key, { failures: 1, since: now });
  else entry.failures++;
  if (failures.size > 50_000) failures.clear();
}

export function recordSuccess(key: string): void {
  failures.delete(key);
}
