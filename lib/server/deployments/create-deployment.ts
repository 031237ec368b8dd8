import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { getDb } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/http/api-error";
import { getRunner } from "@/lib/server/runtime/get-runner";
import type { createDeploymentSchema } from "@/lib/schemas/deployment";
import type { ServerSpec } from "@/lib/spec/server-spec";
import { newSecretToken } from "@/lib/server/auth/secret-token";
import { resolveDeploySpec } from "./resolve-deploy-spec";
import { validateCredentials } from "./validate-credentials";
import { sealCredentials } from "./stored-credentials";
import { startDeploymentInBackground } from "./start-deployment";

export function newDeploymentId(): string {
  return `dep_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
}

/**
 * Validates everything, then stores the deployment, its sealed credentials, its first access token and a "pending"
 * event in one transaction, and starts it in the background. Returns the token once; only its hash is kept.
 */
export async function createDeployment(userId: string, input: z.output<typeof createDeploymentSchema>) {
  const baseSpec = await resolveDeploySpec(userId, input);
  const extraNames = Object.keys(input.extraEnv);
  const clash = extraNames.filter((name) => baseSpec.env.some((e) => e.name === name));
  if (clash.length) {
    throw new ApiError("validation_failed", `${clash.join(", ")} is already part of this server's configuration.`, Object.fromEntries(clash.map((n) => [`extraEnv.${n}`, ["already listed above"]])));
  }
  const spec: ServerSpec = {
    ...baseSpec,
    env: [
      ...baseSpec.env,
      ...extraNames.map((name) => ({ name, required: false, secret: input.extraSecret.includes(name), description: "Added by you" })),
    ],
  };
  const values = Object.fromEntries(Object.entries({ ...input.env, ...input.extraEnv }).filter(([, v]) => v !== ""));
  const id = newDeploymentId();
  validateCredentials({ deploymentId: id, spec, env: values, requiredArgs: input.requiredArgs });

  const sealed = sealCredentials(id, {
    env: values,
    args: input.requiredArgs,
    extra: extraNames.map((name) => ({ name, secret: input.extraSecret.includes(name) })),
  });
  const token = newSecretToken("tok");
  const db = await getDb();
  await db.$transaction([
    db.deployment.create({
      data: {
        id,
        userId,
        name: input.name ?? spec.name,
        analysisId: input.analysisId ?? null,
        spec,
        runner: getRunner().kind,
        encryptedEnv: sealed,
      },
    }),
    db.accessToken.create({ data: { deploymentId: id, name: "first token", prefix: token.prefix, hash: token.hash } }),
    db.deploymentEvent.create({ data: { deploymentId: id, kind: "pending", message: "created" } }),
  ]);
  startDeploymentInBackground(id, "first start");
  return { id, token: { name: "first token", prefix: token.prefix, token: token.token } };
}
