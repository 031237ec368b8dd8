"use client";

import { useMemo, useState, type ReactNode } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { Alert, Button, Field, TextInput } from "@/components/app/ui";
import type { EnvVarSpec, ServerSpec } from "@/lib/spec/server-spec";
import { applyApiErrors } from "./apply-api-errors";
import { buildCredentialResolver, type CredentialFormContext } from "./credential-resolver";
import { groupsOf, initialGroup, initialValues, isStored, specForValidation, toPayload, type CredentialFormValues, type CredentialPayload, type StoredState } from "./credential-model";
import { EnvField } from "./env-field";
import { ExtraEnvRows } from "./extra-env-rows";
import { GroupPicker } from "./group-picker";
import { RequiredArgsFields } from "./required-args-fields";

type Props = {
  spec: ServerSpec;
  /** editing a deployment: which values are stored (empty fields keep them) */
  stored?: StoredState;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (payload: CredentialPayload) => Promise<void>;
  onCancel?: () => void;
  /** shown above the submit button, e.g. the edited launch command */
  footer?: ReactNode;
  testId: string;
};

/** The credential form, generated at run time from a ServerSpec and validated by the same schema as the API. */
export function CredentialForm({ spec, stored, submitLabel, pendingLabel, onSubmit, onCancel, footer, testId }: Props) {
  const groups = useMemo(() => groupsOf(spec.env), [spec.env]);
  const [selected, setSelected] = useState(() => initialGroup(groups, stored));
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const extrasStored = useMemo(() => stored?.env.filter((e) => e.extra && e.set) ?? [], [stored]);
  const fields = useMemo(() => [...spec.env, ...extrasStored.map((e): EnvVarSpec => ({ name: e.name, secret: e.secret, required: false }))], [spec.env, extrasStored]);

  const form = useForm<CredentialFormValues, CredentialFormContext>({
    defaultValues: { ...initialValues(spec, stored), env: { ...initialValues(spec, stored).env, ...Object.fromEntries(extrasStored.map((e) => [e.name, ""])) } },
    resolver: buildCredentialResolver({ spec: specForValidation(spec, stored), knownNames: fields.map((f) => f.name) }),
    context: { selectedGroup: selected },
  });

  const choose = (id: string) => {
    // Values typed for the other alternative would otherwise be sent along unseen.
    for (const g of groups) if (g.id !== id) for (const m of g.members) form.setValue(`env.${m.name}`, "");
    form.clearErrors("env");
    setSelected(id);
  };
  const toggleRemove = (name: string) =>
    setRemoved((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  const submit = form.handleSubmit(async (values) => {
    setFormErrors([]);
    if (stored && !argsConsistent(values, form.setError)) return;
    try {
      await onSubmit(toPayload({ values, spec, selectedGroup: selected, stored, removed }));
    } catch (error) {
      setFormErrors(applyApiErrors({ error, values, setError: form.setError }));
    }
  });

  const fieldFor = (entry: EnvVarSpec) => (
    <EnvField
      key={entry.name}
      entry={entry}
      evidence={spec.evidence}
      mark={
        stored && isStored(stored, entry.name)
          ? { stored: true, removed: removed.has(entry.name), onToggleRemove: entry.required && !entry.group ? undefined : () => toggleRemove(entry.name) }
          : undefined
      }
    />
  );
  const ungrouped = spec.env.filter((e) => !e.group);
  const required = ungrouped.filter((e) => e.required);
  const optional = ungrouped.filter((e) => !e.required);
  const active = groups.find((g) => g.id === selected);
  const nothingNeeded = spec.env.length === 0 && !(spec.args_required ?? []).length;

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate className="space-y-6" data-testid={testId}>
        {!stored && (
          <Field label="Deployment name" htmlFor="deployment-name" error={form.formState.errors.name?.message} hint="Shown in your dashboard and used as the server name in client configs.">
            <TextInput id="deployment-name" autoComplete="off" invalid={!!form.formState.errors.name} {...form.register("name")} />
          </Field>
        )}
        {nothingNeeded && <p className="text-sm text-slate-600">The analysis found no credentials or settings this server needs.</p>}
        {required.length > 0 && <Section title="Required">{required.map(fieldFor)}</Section>}
        {groups.length > 0 && (
          <Section title="Credentials">
            <GroupPicker groups={groups} selected={selected} onSelect={choose} />
            {active?.members.map(fieldFor)}
          </Section>
        )}
        <RequiredArgsFields args={spec.args_required ?? []} storedArgs={stored?.requiredArgs.some((a) => a.set)} />
        {optional.length > 0 && <Section title="Optional">{optional.map(fieldFor)}</Section>}
        {extrasStored.length > 0 && <Section title="Added variables">{fields.slice(spec.env.length).map(fieldFor)}</Section>}
        <ExtraEnvRows allowSecretToggle={!stored} />
        {footer}
        {formErrors.length > 0 && (
          <Alert testId="credential-form-error">
            {formErrors.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
          </Alert>
        )}
        <div className="flex flex-col-reverse gap-2 border-t border-slate-100 pt-5 sm:flex-row sm:justify-end">
          {onCancel && (
            <Button type="button" variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" disabled={form.formState.isSubmitting} data-testid={`${testId}-submit`}>
            {form.formState.isSubmitting ? pendingLabel : submitLabel}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-4">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </div>
  );
}

/** Stored arguments are replaced as a whole: once one is typed, all must be. */
function argsConsistent(values: CredentialFormValues, setError: (name: `requiredArgs.${number}`, error: { type: string; message: string }) => void): boolean {
  const typed = values.requiredArgs.filter((a) => a.trim() !== "").length;
  if (typed === 0 || typed === values.requiredArgs.length) return true;
  values.requiredArgs.forEach((a, i) => {
    if (!a.trim()) setError(`requiredArgs.${i}`, { type: "custom", message: "Enter all arguments to change them" });
  });
  return false;
}
