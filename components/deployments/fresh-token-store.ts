"use client";

import { useSyncExternalStore } from "react";

/**
 * Access tokens are shown once. The plain value lives only here, in this tab's memory, so the deployment page can
 * show it after the redirect from the deploy form and use it in the client configurations; a reload forgets it.
 */
const tokens = new Map<string, string>();
const listeners = new Set<() => void>();

export function rememberFreshToken(deploymentId: string, token: string) {
  tokens.set(deploymentId, token);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFreshToken(deploymentId: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => tokens.get(deploymentId) ?? null,
    () => null,
  );
}
