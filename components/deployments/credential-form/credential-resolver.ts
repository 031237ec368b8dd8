import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { z } from "zod";
import { buildCredentialSchema } from "@/lib/schemas/deployment";
import type { ServerSpec } from "@/lib/spec/server-spec";
import type { CredentialFormValues } from "./credential-model";

const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * zodResolver over the shared credential schema (the same one the route handler checks), plus the form's own parts:
 * the deployment name and the "add variable" rows.
 */
/** Passed as react-hook-form's `context`, which the form refreshes on every render. */
export type CredentialFormContext = { /** the either/or alternative the user picked */ selectedGroup: string | null };

export function buildCredentialResolver(options: {
  spec: Pick<ServerSpec, "env" | "args_required">;
  /** names the spec already has, so an added row cannot shadow one */
  knownNames: string[];
}): Resolver<CredentialFormValues, CredentialFormContext> {
  const { spec, knownNames } = options;
  const rows = z
    .array(z.object({ name: z.string(), value: z.string(), secret: z.boolean() }))
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((row, i) => {
        const name = row.name.trim();
        if (!name) {
          if (row.value) ctx.addIssue({ code: "custom", path: [i, "name"], message: "Give the variable a name" });
          return;
        }
        if (!envName.test(name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: "Use letters, digits and _, not starting with a digit" });
        else if (knownNames.includes(name) || seen.has(name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: "Already in the form" });
        seen.add(name);
      });
    });
  const schema = z.intersection(buildCredentialSchema(spec), z.object({ name: z.string().max(80, "At most 80 characters"), extra: rows }));
  // The intersection's parsed type is the form's own shape; the resolver only narrows strings it already holds.
  const base = zodResolver(schema) as unknown as Resolver<CredentialFormValues, CredentialFormContext>;

  return async (values, context, opts) => {
    const result = await base(values, context, opts);
    const errors = { ...result.errors } as FieldErrors<CredentialFormValues>;
    const envErrors = { ...(errors.env as Record<string, FieldError> | undefined) };
    remapGroupErrors({ spec, values, envErrors, selected: context?.selectedGroup ?? null });
    if (Object.keys(envErrors).length) errors.env = envErrors as FieldErrors<CredentialFormValues>["env"];
    else delete errors.env;
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    return { values: {}, errors };
  };
}

/**
 * The shared schema accepts any complete alternative and points at the first one otherwise; the form shows only the
 * alternative the user picked, so its errors must land there.
 */
function remapGroupErrors(options: {
  spec: Pick<ServerSpec, "env">;
  values: CredentialFormValues;
  envErrors: Record<string, FieldError>;
  selected: string | null;
}) {
  const { spec, values, envErrors, selected } = options;
  const grouped = spec.env.filter((e) => e.group);
  if (!selected || grouped.length === 0) return;
  for (const e of grouped) if (envErrors[e.name]?.message === "Required") delete envErrors[e.name];
  for (const e of grouped) {
    if (e.group === selected && e.required && !(values.env[e.name] ?? "").trim()) envErrors[e.name] = { type: "custom", message: "Required" };
  }
}
