import "server-only";
import { env } from "@/lib/server/env";
import { serverSpecSchema } from "@/lib/spec/server-spec";
import type { DeploymentDetail, DeploymentEventView, DeploymentStatus, DeploymentSummary } from "@/lib/schemas/deployment";
import { readStoredCredentials } from "./stored-credentials";

type Row = {
  id: string;
  name: string;
  status: string;
  statusReason: string | null;
  runner: string;
  spec: unknown;
  createdAt: Date;
  lastRequestAt: Date | null;
};

/** Where MCP clients connect: the configured public URL, else the origin the request came in on. */
export function endpointUrlFor(deploymentId: string, requestOrigin: string): string {
  return `${(env.CATWALK_PUBLIC_URL ?? requestOrigin).replace(/\/+$/, "")}/api/mcp/${deploymentId}`;
}

export function toDeploymentSummary(row: Row, origin: string): DeploymentSummary {
  const spec = serverSpecSchema.parse(row.spec);
  return {
    id: row.id,
    name: row.name,
    status: row.status as DeploymentStatus,
    statusReason: row.statusReason,
    runner: row.runner,
    package: spec.package,
    endpointUrl: endpointUrlFor(row.id, origin),
    createdAt: row.createdAt.toISOString(),
    lastRequestAt: row.lastRequestAt?.toISOString() ?? null,
  };
}

/** Which values are set, never the values: the sealed blob is read only for its keys. */
export function toDeploymentDetail(
  row: Row & { encryptedEnv: unknown },
  events: { id: string; kind: string; message: string; createdAt: Date }[],
  sandbox: DeploymentDetail["sandbox"],
  origin: string,
): DeploymentDetail {
  const spec = serverSpecSchema.parse(row.spec);
  const stored = readStoredCredentials(row.encryptedEnv);
  const extra = new Set(stored.extra.map((e) => e.name));
  return {
    ...toDeploymentSummary(row, origin),
    spec,
    envSet: spec.env.map((e) => ({ name: e.name, secret: e.secret, set: e.name in stored.env, extra: extra.has(e.name) })),
    requiredArgs: (spec.args_required ?? []).map((arg, index) => ({ name: arg.name, set: index < stored.args.length })),
    events: events.map(
      (e): DeploymentEventView => ({ id: e.id, kind: e.kind, message: e.message, createdAt: e.createdAt.toISOString() }),
    ),
    sandbox,
  };
}
