import "server-only";
import { FlyApi, type FlyMachine } from "@/lib/server/runtime/fly-api";
import { LogBuffer } from "@/lib/server/runtime/log-buffer";
import { RuntimeError, type Runner, type RunnerStatus, type RunSpec, type RuntimeHandle, type RuntimeLogLine } from "@/lib/server/runtime/runner";
import { validateLaunch, type LaunchPlan } from "@/lib/server/runtime/validate-launch";

export type FlyRunnerOptions = {
  apiUrl: string;
  token: string;
  app: string;
  /** the MCP host image (Dockerfile.mcp-host) */
  image: string;
  region?: string;
  cpus?: number;
  memoryMb?: number;
  /** how long start() waits for `started`, in total */
  startTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxRetryAfterMs?: number;
  /**
   * "files" (default): each env value is written by Fly into the machine as a file under /run/catwalk/env and the
   * bridge loads it (`--secret-file NAME=PATH`); values stay out of `config.env`. "env": plain `config.env`, for a
   * bridge without file support; anyone who can read the machine config then sees the values in the clear.
   */
  secretDelivery?: "files" | "env";
};

const SECRET_DIR = "/run/catwalk/env";
const BRIDGE_PORT = 8080;

/** The server argv inside the MCP host image, which has npx and uvx; the bridge kills the whole process group. */
function serverCommand(plan: LaunchPlan): string[] {
  if (plan.runtime === "npm") {
    if (plan.script) throw new RuntimeError("invalid_spec", "the Fly runner runs package bins only; use npx instead of node <script>");
    const pkg = `${plan.package}@${plan.version}`;
    return plan.bin ? ["npx", "-y", "--package", pkg, plan.bin, ...plan.args] : ["npx", "-y", pkg, ...plan.args];
  }
  if (plan.runtime === "python") {
    const requirement = plan.version ? `${plan.package}==${plan.version}` : plan.package;
    return plan.bin ? ["uvx", "--from", requirement, plan.bin, ...plan.args] : ["uvx", requirement, ...plan.args];
  }
  throw new RuntimeError("invalid_spec", "container images are not supported by the Fly runner yet");
}

/**
 * Builds the create-machine request. Why files with `raw_value` rather than app secrets (`secret_name`): Fly app
 * secrets are app-wide and show up in every machine of the app, and all deployments share one app here, so one
 * tenant's server would see another's credentials. A `raw_value` file belongs to this machine alone and is not in
 * `config.env`; but it is base64, not encryption: anyone holding a token for the app can read it back from the
 * machine config. One app per deployment with `secret_name` would close that, at the cost of an app per deployment.
 */
const SECRET_FILE_MODE = 0o444;

export function buildMachineRequest(spec: RunSpec, plan: LaunchPlan, options: FlyRunnerOptions): Record<string, unknown> {
  const names = Object.keys(spec.env);
  // Fly writes machine files as root; the host image runs the bridge as a non-root user, so the files must be
  // readable by it (mode is chmod(2) bits). The machine runs nothing else.
  const files =
    options.secretDelivery === "env"
      ? []
      : names.map((name) => ({ guest_path: `${SECRET_DIR}/${name}`, raw_value: Buffer.from(spec.env[name], "utf8").toString("base64"), mode: SECRET_FILE_MODE }));
  const bridgeArgs = ["node", "dist/host.mjs", "--host", "0.0.0.0", "--port", String(BRIDGE_PORT)];
  for (const name of names) {
    bridgeArgs.push("--secret-env", name);
    if (options.secretDelivery !== "env") bridgeArgs.push("--secret-file", `${name}=${SECRET_DIR}/${name}`);
  }
  return {
    name: `catwalk-${spec.deploymentId}`.toLowerCase().replace(/[^a-z0-9-]/g, "-"),
    region: options.region,
    config: {
      image: options.image,
      env: options.secretDelivery === "env" ? { ...spec.env } : {},
      files,
      init: { cmd: [...bridgeArgs, "--", ...serverCommand(plan)] },
      guest: { cpu_kind: "shared", cpus: options.cpus ?? 1, memory_mb: options.memoryMb ?? 512 },
      restart: { policy: "on-failure", max_retries: 3 },
      // Through Fly Proxy (flycast/public) the machine stops when idle and starts on the next request. The runner's
      // own endpoint (.vm.<app>.internal) bypasses the proxy, so idle stops also come from stop() via the app.
      services: [{ protocol: "tcp", internal_port: BRIDGE_PORT, autostop: "stop", autostart: true, min_machines_running: 0, ports: [{ port: 80, handlers: ["http"] }] }],
      metadata: { catwalk_deployment: spec.deploymentId },
    },
  };
}

type FlyEntry = { machineId: string; logs: LogBuffer };

export class FlyRunner implements Runner {
  readonly kind = "fly" as const;
  private readonly api: FlyApi;
  private readonly entries = new Map<string, FlyEntry>();

  constructor(private readonly options: FlyRunnerOptions) {
    this.api = new FlyApi({ baseUrl: options.apiUrl, token: options.token, requestTimeoutMs: options.requestTimeoutMs, maxRetryAfterMs: options.maxRetryAfterMs });
  }

  private handle(machineId: string): RuntimeHandle {
    return { id: machineId, endpoint: `http://${machineId}.vm.${this.options.app}.internal:${BRIDGE_PORT}/mcp` };
  }

  private logsFor(deploymentId: string): LogBuffer {
    return this.entries.get(deploymentId)?.logs ?? new LogBuffer();
  }

  /** The machine id, from memory or, after an app restart, from the machine's metadata. */
  private async find(deploymentId: string): Promise<string | undefined> {
    const known = this.entries.get(deploymentId);
    if (known) return known.machineId;
    const machines = await this.api.listMachines(this.options.app);
    const machine = machines.find((m: FlyMachine) => m.config?.metadata?.catwalk_deployment === deploymentId && m.state !== "destroyed");
    if (machine) this.entries.set(deploymentId, { machineId: machine.id, logs: new LogBuffer() });
    return machine?.id;
  }

  private async waitStarted(app: string, machineId: string, logs: LogBuffer): Promise<void> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 120_000);
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new RuntimeError("initialize_timeout", `Fly machine ${machineId} did not reach "started" in time`);
      try {
        await this.api.waitFor(app, machineId, "started", Math.min(60, remaining / 1000));
        logs.push("system", `machine ${machineId} started`);
        return;
      } catch (error) {
        // 408 from the wait endpoint means "not yet"; anything else is a real failure.
        if (!(error instanceof RuntimeError && error.code === "provider_error" && /timed out|deadline|408/i.test(error.message))) throw error;
      }
    }
  }

  async start(spec: RunSpec): Promise<RuntimeHandle> {
    const plan = validateLaunch(spec);
    const app = this.options.app;
    const existing = await this.find(spec.deploymentId);
    if (existing) {
      const entry = this.entries.get(spec.deploymentId) as FlyEntry;
      const machine = await this.api.getMachine(app, existing);
      if (machine.state !== "started") {
        entry.logs.push("system", `starting machine ${existing} (was ${machine.state})`);
        await this.api.startMachine(app, existing);
        await this.waitStarted(app, existing, entry.logs);
      }
      return this.handle(existing);
    }
    const logs = new LogBuffer();
    logs.setSecrets(Object.values(spec.env));
    const machine = await this.api.createMachine(app, buildMachineRequest(spec, plan, this.options));
    this.entries.set(spec.deploymentId, { machineId: machine.id, logs });
    logs.push("system", `created machine ${machine.id} in ${machine.region ?? this.options.region ?? "default region"}`);
    await this.waitStarted(app, machine.id, logs);
    return this.handle(machine.id);
  }

  async stop(deploymentId: string): Promise<void> {
    const machineId = await this.find(deploymentId);
    if (!machineId) throw new RuntimeError("not_found", `no Fly machine for deployment ${deploymentId}`);
    await this.api.stopMachine(this.options.app, machineId);
    await this.api.waitFor(this.options.app, machineId, "stopped", 60).catch(() => {});
    this.logsFor(deploymentId).push("system", `machine ${machineId} stopped`);
  }

  async destroy(deploymentId: string): Promise<void> {
    const machineId = await this.find(deploymentId);
    if (!machineId) return;
    try {
      await this.api.destroyMachine(this.options.app, machineId);
    } catch (error) {
      if (!(error instanceof RuntimeError && error.code === "not_found")) throw error;
    }
    this.entries.delete(deploymentId);
  }

  async status(deploymentId: string): ReturnType<Runner["status"]> {
    const machineId = await this.find(deploymentId);
    if (!machineId) return { status: "unknown" };
    let machine: FlyMachine;
    try {
      machine = await this.api.getMachine(this.options.app, machineId);
    } catch (error) {
      if (error instanceof RuntimeError && error.code === "not_found") return { status: "unknown", detail: "machine no longer exists" };
      throw error;
    }
    const map: Record<string, RunnerStatus> = { created: "starting", starting: "starting", started: "running", stopping: "stopped", stopped: "stopped", suspended: "stopped", failed: "failed", destroying: "stopped", destroyed: "stopped" };
    return { status: map[machine.state] ?? "unknown", detail: `fly machine ${machine.state}`, handle: this.handle(machineId) };
  }

  /** Runner-side events only; the server's own output is in Fly's log stream (`fly logs`), not fetched here. */
  async logs(deploymentId: string, options?: { limit?: number }): Promise<RuntimeLogLine[]> {
    return this.logsFor(deploymentId).recent(options?.limit);
  }
}
