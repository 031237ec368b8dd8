import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/server/db/client";
import { serverSpecSchema } from "@/lib/spec/server-spec";
import type { updateDeploymentSchema } from "@/lib/schemas/deployment";
import { getDeploymentOrThrow } from "./get-deployment-or-throw";
import { readStoredCredentials, sealValue } from "./stored-credentials";
import { validateCredentials } from "./validate-credentials";
import { startDeploymentInBackground } from "./start-deployment";
import { getRunner } from "@/lib/server/runtime/get-runner";
import { forgetHandle } from "@/lib/server/mcp/ensure-running";

/**
 * New credential values are sealed and merged over the stored ones (absent = keep, null/"" = remove); the launch
 * may change within the allowed launchers. A deployment the user wants running restarts with the new settings.
 */
export async function updateDeployment(userId: string, id: string, input: z.output<typeof updateDeploymentSchema>) {
  const row = await getDeploymentOrThrow(userId, id);
  const current = serverSpecSchema.parse(row.spec);
  const spec = { ...current, command: input.launch?.command ?? current.command, args: input.launch?.args ?? current.args };
  const stored = readStoredCredentials(row.encryptedEnv);

  const setValues = Object.fromEntries(Object.entries(input.env ?? {}).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const removed = Object.entries(input.env ?? {}).filter(([, v]) => v === null || v === "").map(([name]) => name);
  const kept = Object.keys(stored.env).filter((name) => !removed.includes(name) && !(name in setValues));
  const requiredArgs = input.requiredArgs ?? [];
  validateCredentials({ deploymentId: id, spec, env: setValues, requiredArgs: input.requiredArgs ?? stored.args.map(() => "(stored)"), setNames: kept });

  const env = Object.fromEntries(Object.entries(stored.env).filter(([name]) => kept.includes(name)));
  for (const [name, value] of Object.entries(setValues)) env[name] = sealValue(id, value);
  const args = input.requiredArgs ? requiredArgs.map((value) => sealValue(id, value)) : stored.args;

  const db = await getDb();
  await db.$transaction([
    db.deployment.update({ where: { id }, data: { name: input.name ?? row.name, spec, encryptedEnv: { ...stored, env, args } } }),
    db.deploymentEvent.create({ data: { deploymentId: id, kind: "info", message: describeChange(Object.keys(setValues), removed, Boolean(input.launch), Boolean(input.requiredArgs)) } }),
  ]);
  if (row.desiredRunning) {
    forgetHandle(id);
    await getRunner().stop(id);
    startDeploymentInBackground(id, "restarted with new settings");
  }
}

function describeChange(set: string[], removed: string[], launch: boolean, args: boolean): string {
  const parts = [
    set.length ? `set ${set.join(", ")}` : "",
    removed.length ? `removed ${removed.join(", ")}` : "",
    launch ? "changed the command" : "",
    args ? "changed the required arguments" : "",
  ].filter(Boolean);
  return parts.length ? `settings updated: ${parts.join("; ")}` : "settings saved (no changes)";
}
