import "server-only";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { processTree, spawnBridge, terminateTree, type BridgeProcess, type ProcessIdentity } from "@/lib/server/runtime/bridge-process";
import { installPackage, pick, TRUST_ENV } from "@/lib/server/runtime/install-package";
import { forgetDeployment, getDeployment, getOrCreateDeployment, onLog, touch, type LocalDeployment } from "@/lib/server/runtime/local-state";
import { probeInitialize, readHealth } from "@/lib/server/runtime/probe-initialize";
import { RuntimeError, type Runner, type RunSpec, type RuntimeHandle, type RuntimeLogLine } from "@/lib/server/runtime/runner";
import { buildSandboxCommand, describeSandbox, type SandboxDescription, type SandboxMode, type SandboxTools } from "@/lib/server/runtime/sandbox";
import { validateLaunch } from "@/lib/server/runtime/validate-launch";

export type LocalRunnerOptions = {
  /** per-package install cache (CATWALK_PACKAGE_CACHE_DIR) */
  cacheDir: string;
  /** writable state: per-deployment HOME when unsandboxed (CATWALK_DATA_DIR) */
  dataDir: string;
  /** the bundled bridge, `dist/host.mjs` */
  bridgePath: string;
  /** `sandbox-launch.mjs`, run with node by the bridge when sandboxed */
  launcherPath: string;
  sandbox?: SandboxMode;
  sandboxTools?: SandboxTools;
  idleTimeoutMs?: number;
  /** whole start, first-time install included */
  startTimeoutMs?: number;
  /** one initialize attempt through the bridge */
  initializeTimeoutMs?: number;
  stopGraceMs?: number;
  allowInstallScripts?: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MINIMAL_PATH = "/usr/local/bin:/usr/bin:/bin";

/** Runs each deployment as one bridge process on a loopback port, its server sandboxed where bubblewrap works. */
export class LocalRunner implements Runner {
  readonly kind = "local" as const;
  private readonly opts: Required<Omit<LocalRunnerOptions, "sandboxTools">> & { sandboxTools?: SandboxTools };

  constructor(options: LocalRunnerOptions) {
    this.opts = {
      sandbox: "auto",
      idleTimeoutMs: 15 * 60_000,
      startTimeoutMs: 60_000,
      initializeTimeoutMs: 20_000,
      stopGraceMs: 5_000,
      allowInstallScripts: false,
      // An explicit `undefined` (an unset env setting) must not erase a default.
      ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as LocalRunnerOptions),
    };
  }

  describeSandbox(): SandboxDescription {
    return describeSandbox(this.opts.sandbox, this.opts.sandboxTools);
  }

  touch(deploymentId: string): void {
    touch(deploymentId);
  }

  onLog(deploymentId: string, listener: (line: RuntimeLogLine) => void): () => void {
    return onLog(deploymentId, listener);
  }

  /** The bridge and everything below it (server, bwrap, network helper); for diagnostics and tests. */
  processes(deploymentId: string): ProcessIdentity[] {
    const bridge = getDeployment(deploymentId)?.bridge;
    return bridge ? processTree(bridge.pid) : [];
  }

  async start(spec: RunSpec): Promise<RuntimeHandle> {
    const plan = validateLaunch(spec);
    if (plan.runtime === "oci") throw new RuntimeError("invalid_spec", "the local runner does not run container images; use the Fly runner");
    const deployment = getOrCreateDeployment(spec.deploymentId);
    if (deployment.starting) return deployment.starting;
    if (deployment.stopping) await deployment.stopping;
    if (deployment.status === "running" && deployment.handle && sameSpec(deployment.spec, spec)) {
      deployment.lastUsed = Date.now();
      return deployment.handle;
    }
    if (deployment.bridge) await this.stop(spec.deploymentId);
    const abort = new AbortController();
    deployment.abortStart = abort;
    deployment.starting = this.launch(deployment, spec, plan, abort.signal).finally(() => {
      deployment.starting = undefined;
      deployment.abortStart = undefined;
    });
    return deployment.starting;
  }

  private async launch(deployment: LocalDeployment, spec: RunSpec, plan: Parameters<typeof installPackage>[0]["plan"], signal: AbortSignal): Promise<RuntimeHandle> {
    const began = Date.now();
    const deadline = began + this.opts.startTimeoutMs;
    const sandbox = this.describeSandbox();
    Object.assign(deployment, { spec, sandbox, status: "starting", detail: undefined, handle: undefined, idleTimeoutMs: this.opts.idleTimeoutMs });
    const redactNames = spec.redactEnv ?? Object.keys(spec.env);
    deployment.logs.setSecrets([...redactNames.flatMap((name) => (spec.env[name] === undefined ? [] : [spec.env[name]])), ...(spec.redactValues ?? [])]);
    const log = (line: string) => deployment.logs.push("system", line);
    try {
      if (this.opts.sandbox === "bubblewrap" && sandbox.kind !== "bubblewrap") throw new RuntimeError("start_failed", `sandbox required but unavailable: ${sandbox.reason}`);
      const installed = await installPackage({ cacheDir: this.opts.cacheDir, plan, log, allowInstallScripts: this.opts.allowInstallScripts, timeoutMs: Math.max(1000, deadline - Date.now()), signal });
      const installedAt = Date.now();
      if (signal.aborted) throw new RuntimeError("start_failed", "stopped while starting");
      const envNames = Object.keys(spec.env);
      const trustNames = TRUST_ENV.filter((name) => process.env[name] !== undefined && !(name in spec.env));
      let command = installed.argv;
      // The deployment's own folder, kept across restarts (a server's database file, its config in ~): the only
      // writable place besides a private /tmp. Inside the sandbox it is /data.
      const home = path.join(this.opts.dataDir, "runtime", "home", spec.deploymentId);
      await mkdir(home, { recursive: true });
      if (sandbox.kind === "bubblewrap") {
        command = buildSandboxCommand({ description: sandbox, tools: this.opts.sandboxTools, launcherPath: this.opts.launcherPath, packageRoot: installed.root, argv: installed.argv, envNames: [...envNames, ...trustNames], dataDir: home });
      } else if (command[0] === "node") {
        command = [process.execPath, ...command.slice(1)];
      }
      log(sandbox.kind === "bubblewrap" ? `sandbox: bubblewrap, network ${sandbox.network}` : `sandbox: none (${sandbox.reason})`);
      // Only the spec's variables plus a PATH and HOME: nothing of the app's own environment (DATABASE_URL, keys).
      const env = { ...(pick(process.env, TRUST_ENV) as Record<string, string>), ...spec.env, PATH: `${path.dirname(process.execPath)}:${MINIMAL_PATH}`, HOME: home };
      const bridge = spawnBridge({ cwd: sandbox.kind === "bubblewrap" ? undefined : home, bridgePath: this.opts.bridgePath, command, env, secretEnvNames: redactNames.filter((name) => name in spec.env), logs: deployment.logs, extraArgs: ["--init-timeout", String(this.opts.startTimeoutMs)] });
      deployment.bridge = bridge;
      const port = await withDeadline(bridge.listening, deadline, "the bridge did not start listening", () => deployment.logs.tail(6));
      const handle: RuntimeHandle = { id: `local:${spec.deploymentId}:${bridge.pid}`, endpoint: `http://127.0.0.1:${port}/mcp` };
      const listeningAt = Date.now();
      await this.waitForInitialize(deployment, bridge, handle.endpoint, deadline, signal);
      Object.assign(deployment, { status: "running", detail: sandbox.kind === "none" ? "sandbox: none" : undefined, handle, lastUsed: Date.now() });
      log(`running: install ${installedAt - began} ms, bridge ${listeningAt - installedAt} ms, initialize ${Date.now() - listeningAt} ms, total ${Date.now() - began} ms`);
      deployment.tree = processTree(bridge.pid);
      this.watch(deployment, bridge);
      this.scheduleIdleCheck(deployment);
      return handle;
    } catch (error) {
      const failure = error instanceof RuntimeError ? error : new RuntimeError("start_failed", deployment.logs.redact(error instanceof Error ? error.message : String(error)));
      if (deployment.bridge) await terminateTree(deployment.bridge, this.opts.stopGraceMs);
      Object.assign(deployment, { status: "failed", detail: failure.message, bridge: undefined, handle: undefined });
      log(`start failed (${failure.code}): ${failure.message}`);
      throw failure;
    }
  }

  private async waitForInitialize(deployment: LocalDeployment, bridge: BridgeProcess, endpoint: string, deadline: number, signal: AbortSignal): Promise<void> {
    let exited = false;
    void bridge.exited.then(() => (exited = true));
    for (;;) {
      if (signal.aborted) throw new RuntimeError("start_failed", "stopped while starting");
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new RuntimeError("initialize_timeout", `the server did not answer MCP initialize within ${Math.round(this.opts.startTimeoutMs / 1000)} s`);
      const health = await readHealth(endpoint, Math.min(2000, remaining));
      if (exited || (health && (health.restarts > 0 || health.status === "restarting" || health.status === "failed"))) {
        await sleep(100); // let the bridge's last stderr lines arrive before quoting them
        const tail = deployment.logs.tail(6);
        throw new RuntimeError("exited", `the server exited during start${tail ? `:\n${tail}` : ""}`);
      }
      if (health?.status === "ok") {
        try {
          await probeInitialize(endpoint, Math.min(this.opts.initializeTimeoutMs, Math.max(500, deadline - Date.now())));
          return;
        } catch (error) {
          deployment.logs.push("system", `initialize through the bridge failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      await sleep(100);
    }
  }

  /** A bridge that dies on its own (not through stop) leaves the deployment failed, with the reason. */
  private watch(deployment: LocalDeployment, bridge: BridgeProcess): void {
    void bridge.exited.then(({ code, signal }) => {
      if (deployment.bridge !== bridge || deployment.stopping) return;
      const reason = `bridge exited unexpectedly (${signal ?? `code ${code}`})`;
      deployment.logs.push("system", reason);
      Object.assign(deployment, { status: "failed", detail: reason, bridge: undefined, handle: undefined });
      // Its server may have survived a SIGKILLed bridge; the tree was recorded by pid, so take it down too.
      void terminateTree(bridge, 0, deployment.tree);
    });
  }

  private scheduleIdleCheck(deployment: LocalDeployment): void {
    if (deployment.idleTimer) clearTimeout(deployment.idleTimer);
    const due = deployment.lastUsed + deployment.idleTimeoutMs - Date.now();
    deployment.idleTimer = setTimeout(() => {
      deployment.idleTimer = undefined;
      if (deployment.status !== "running") return;
      if (Date.now() - deployment.lastUsed >= deployment.idleTimeoutMs) {
        void this.stopDeployment(deployment, "idle");
      } else this.scheduleIdleCheck(deployment);
    }, Math.max(50, due));
    deployment.idleTimer.unref();
  }

  async stop(deploymentId: string): Promise<void> {
    const deployment = getDeployment(deploymentId);
    if (!deployment) throw new RuntimeError("not_found", `no local deployment ${deploymentId}`);
    await this.stopDeployment(deployment, "stopped");
  }

  private async stopDeployment(deployment: LocalDeployment, reason: string): Promise<void> {
    deployment.abortStart?.abort();
    if (deployment.starting) await deployment.starting.catch(() => {});
    if (deployment.stopping) return deployment.stopping;
    const bridge = deployment.bridge;
    if (deployment.idleTimer) clearTimeout(deployment.idleTimer);
    deployment.idleTimer = undefined;
    deployment.stopping = (async () => {
      if (bridge) await terminateTree(bridge, this.opts.stopGraceMs, deployment.tree);
      deployment.logs.push("system", reason === "idle" ? `stopped after ${Math.round(deployment.idleTimeoutMs / 1000)} s without requests` : "stopped");
      Object.assign(deployment, { status: deployment.status === "failed" && !bridge ? "failed" : "stopped", detail: reason, bridge: undefined, handle: undefined });
    })().finally(() => {
      deployment.stopping = undefined;
    });
    return deployment.stopping;
  }

  async destroy(deploymentId: string): Promise<void> {
    const deployment = getDeployment(deploymentId);
    if (deployment) {
      await this.stopDeployment(deployment, "destroyed");
      forgetDeployment(deploymentId);
    }
    // Also after an app restart, when this process never ran it: its files go with it.
    await rm(path.join(this.opts.dataDir, "runtime", "home", deploymentId), { recursive: true, force: true });
  }

  async status(deploymentId: string): ReturnType<Runner["status"]> {
    const deployment = getDeployment(deploymentId);
    if (!deployment) return { status: "unknown" };
    const { status, detail, handle, sandbox } = deployment;
    return { status, detail, handle, sandbox: sandbox && { kind: sandbox.kind, network: sandbox.network, reason: sandbox.reason } };
  }

  async logs(deploymentId: string, options?: { limit?: number }): Promise<RuntimeLogLine[]> {
    return getDeployment(deploymentId)?.logs.recent(options?.limit) ?? [];
  }
}

function sameSpec(a: RunSpec | undefined, b: RunSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function withDeadline<T>(promise: Promise<T>, deadline: number, message: string, tail: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RuntimeError("initialize_timeout", message)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    if (error instanceof RuntimeError) throw error;
    throw new RuntimeError("start_failed", `${error instanceof Error ? error.message : String(error)}${tail() ? `:\n${tail()}` : ""}`);
  } finally {
    clearTimeout(timer);
  }
}
