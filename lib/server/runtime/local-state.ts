import "server-only";
import type { BridgeProcess, ProcessIdentity } from "@/lib/server/runtime/bridge-process";
import { LogBuffer, type LogListener } from "@/lib/server/runtime/log-buffer";
import type { RunnerStatus, RunSpec, RuntimeHandle } from "@/lib/server/runtime/runner";
import type { SandboxDescription } from "@/lib/server/runtime/sandbox";

/** Everything the local runner knows about one deployment. Lives in memory only: processes do not survive a restart. */
export type LocalDeployment = {
  id: string;
  spec?: RunSpec;
  status: RunnerStatus;
  detail?: string;
  handle?: RuntimeHandle;
  sandbox?: SandboxDescription;
  bridge?: BridgeProcess;
  /** the bridge's process tree when it became ready: what to clean up if the bridge dies without doing so */
  tree?: ProcessIdentity[];
  logs: LogBuffer;
  lastUsed: number;
  idleTimeoutMs: number;
  idleTimer?: NodeJS.Timeout;
  starting?: Promise<RuntimeHandle>;
  abortStart?: AbortController;
  /** set while the runner itself takes the bridge down, so its exit is not reported as a failure */
  stopping?: Promise<void>;
};

type LocalState = { deployments: Map<string, LocalDeployment> };

// Next's dev server re-evaluates modules on every edit; the running bridges must not be forgotten when it does.
const globalKey = "__catwalkLocalRuntime" as const;
const holder = globalThis as typeof globalThis & { [globalKey]?: LocalState };
const state: LocalState = (holder[globalKey] ??= { deployments: new Map() });

export function getDeployment(id: string): LocalDeployment | undefined {
  return state.deployments.get(id);
}

export function getOrCreateDeployment(id: string, logCapacity = 1000): LocalDeployment {
  let deployment = state.deployments.get(id);
  if (!deployment) {
    deployment = { id, status: "unknown", logs: new LogBuffer(logCapacity), lastUsed: Date.now(), idleTimeoutMs: 0 };
    state.deployments.set(id, deployment);
  }
  return deployment;
}

export function forgetDeployment(id: string): void {
  const deployment = state.deployments.get(id);
  if (deployment?.idleTimer) clearTimeout(deployment.idleTimer);
  state.deployments.delete(id);
}

export function allDeployments(): LocalDeployment[] {
  return [...state.deployments.values()];
}

/** The MCP endpoint calls this for every request it forwards, so an active deployment is never stopped as idle. */
export function touch(deploymentId: string): void {
  const deployment = state.deployments.get(deploymentId);
  if (deployment) deployment.lastUsed = Date.now();
}

/** Live log lines (already redacted) for one deployment; returns the unsubscribe function. */
export function onLog(deploymentId: string, listener: LogListener): () => void {
  return getOrCreateDeployment(deploymentId).logs.subscribe(listener);
}
