import type { EnvVarSpec, ServerSpec } from "@/lib/spec/server-spec";

// Pure helpers behind the credential form: values, either/or groups, and the request body built from them.

export type ExtraRow = { name: string; value: string; secret: boolean };

export type CredentialFormValues = {
  name: string;
  env: Record<string, string>;
  requiredArgs: string[];
  extra: ExtraRow[];
};

/** What the form knows about stored values when editing a deployment (names only, never values). */
export type StoredState = {
  env: { name: string; secret: boolean; set: boolean; extra: boolean }[];
  requiredArgs: { name: string; set: boolean }[];
};

export type CredentialPayload = {
  name?: string;
  env: Record<string, string | null>;
  extraEnv: Record<string, string>;
  extraSecret: string[];
  requiredArgs?: string[];
};

export type EnvGroup = { id: string; label: string; members: EnvVarSpec[] };

/** Either/or alternatives in the order the spec lists them. */
export function groupsOf(env: EnvVarSpec[]): EnvGroup[] {
  const groups = new Map<string, EnvVarSpec[]>();
  for (const e of env) if (e.group) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  return [...groups].map(([id, members]) => ({ id, label: humanizeGroup(id), members }));
}

function humanizeGroup(id: string): string {
  const words = id.split(/[-_\s]+/).filter(Boolean).map((w) => (/^(api|url|oauth|pat|ssh|jwt|id)$/i.test(w) ? w.toUpperCase() : w.toLowerCase()));
  return words.join(" ");
}

export function isStored(stored: StoredState | undefined, name: string): boolean {
  return !!stored?.env.find((e) => e.name === name && e.set);
}

/**
 * The spec the validator sees. When editing, a value that is already stored counts as filled, so "empty = keep"
 * passes the required checks; required arguments only need values when none are stored.
 */
export function specForValidation(spec: Pick<ServerSpec, "env" | "args_required">, stored?: StoredState) {
  if (!stored) return spec;
  return {
    env: spec.env.map((e) => (isStored(stored, e.name) ? { ...e, required: false } : e)),
    args_required: stored.requiredArgs.some((a) => a.set) ? [] : spec.args_required,
  };
}

export function initialValues(spec: ServerSpec, stored?: StoredState): CredentialFormValues {
  const env: Record<string, string> = {};
  // Defaults prefill new deployments only: on edit, an empty field means "keep what is stored".
  for (const e of spec.env) env[e.name] = stored ? "" : (e.default ?? "");
  return { name: spec.name.replace(/^@[^/]+\//, ""), env, requiredArgs: (spec.args_required ?? []).map(() => ""), extra: [] };
}

/** The group to show first: when editing, the one holding stored values; else the first. */
export function initialGroup(groups: EnvGroup[], stored?: StoredState): string | null {
  if (groups.length === 0) return null;
  const withValues = groups.find((g) => g.members.some((m) => isStored(stored, m.name)));
  return (withValues ?? groups[0]).id;
}

export function toPayload(options: {
  values: CredentialFormValues;
  spec: ServerSpec;
  selectedGroup: string | null;
  stored?: StoredState;
  removed: Set<string>;
}): CredentialPayload {
  const { values, spec, selectedGroup, stored, removed } = options;
  const hidden = new Set(spec.env.filter((e) => e.group && e.group !== selectedGroup).map((e) => e.name));
  const env: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(values.env)) {
    // Switching to another alternative while editing drops the stored values of the one left behind.
    if (removed.has(name) || (hidden.has(name) && isStored(stored, name))) env[name] = null;
    else if ((value ?? "").trim() !== "" && !hidden.has(name)) env[name] = value;
  }
  const rows = values.extra.filter((r) => r.name.trim() !== "");
  const extraEnv = Object.fromEntries(rows.map((r) => [r.name.trim(), r.value]));
  const extraSecret = rows.filter((r) => r.secret).map((r) => r.name.trim());
  const args = values.requiredArgs;
  const argsGiven = args.some((a) => a.trim() !== "");
  if (stored) {
    // The update API has no separate extra variables: new ones are plain env entries there.
    return { env: { ...env, ...extraEnv }, extraEnv: {}, extraSecret: [], requiredArgs: argsGiven ? args : undefined };
  }
  return { name: values.name.trim() || undefined, env, extraEnv, extraSecret, requiredArgs: args };
}
