"use client";

import { Controller, useFormContext } from "react-hook-form";
import { Field, TextInput } from "@/components/app/ui";
import type { EnvVarSpec, ServerSpec } from "@/lib/spec/server-spec";
import type { CredentialFormValues } from "./credential-model";
import { EvidenceDisclosure } from "./evidence-disclosure";
import { SecretInput } from "./secret-input";

export type StoredMark = { stored: boolean; removed: boolean; onToggleRemove?: () => void };

/** One environment variable, with the input its format calls for. */
export function EnvField({ entry, evidence, mark }: { entry: EnvVarSpec; evidence: ServerSpec["evidence"]; mark?: StoredMark }) {
  const { register, control, formState } = useFormContext<CredentialFormValues>();
  const id = `env-${entry.name}`;
  const error = formState.errors.env?.[entry.name]?.message;
  const path = `env.${entry.name}` as const;
  const stored = mark?.stored ?? false;
  const placeholder = stored ? "Stored — leave empty to keep" : entry.default ? `Default: ${entry.default}` : entry.required ? undefined : "Optional";
  const common = { id, invalid: !!error, disabled: mark?.removed, "aria-describedby": `${id}-help` };

  let input;
  if (entry.format === "boolean") {
    input = (
      <Controller
        control={control}
        name={path}
        render={({ field }) => (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              id={id}
              type="checkbox"
              className="size-4 rounded border-slate-300 accent-brand-600"
              checked={field.value === "true"}
              onChange={(e) => field.onChange(e.target.checked ? "true" : "false")}
              onBlur={field.onBlur}
              ref={field.ref}
              disabled={mark?.removed}
            />
            {field.value === "true" ? "On" : stored && field.value === "" ? "Stored value kept" : "Off"}
          </label>
        )}
      />
    );
  } else if (entry.choices?.length) {
    input = (
      <select
        {...common}
        {...register(path)}
        aria-invalid={!!error || undefined}
        className={`block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset ${error ? "ring-red-400" : "ring-slate-300 focus:ring-brand-500"}`}
      >
        <option value="">{stored ? "Keep stored value" : entry.default ? `Default (${entry.default})` : "Choose…"}</option>
        {entry.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  } else if (entry.secret) {
    input = <SecretInput {...common} revealLabel={entry.name} placeholder={stored ? placeholder : "••••••••"} {...register(path)} />;
  } else {
    const number = entry.format === "number";
    const file = entry.format === "filepath";
    input = (
      <TextInput
        {...common}
        type={number ? "number" : "text"}
        inputMode={number ? "decimal" : undefined}
        step={number ? "any" : undefined}
        spellCheck={false}
        autoComplete="off"
        className={file ? "font-mono" : ""}
        placeholder={file && !stored ? "/data/file" : placeholder}
        {...register(path)}
      />
    );
  }

  return (
    // The error goes right under the input (not after the help text, where Field would put it); same test id.
    <Field label={<FieldLabel entry={entry} />} htmlFor={id} required={entry.required && !stored}>
      {input}
      {error && (
        <p className="text-xs font-medium text-red-600" role="alert" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
      <div id={`${id}-help`} className="space-y-1">
        {entry.description && <p className="text-xs text-slate-600">{entry.description}</p>}
        {entry.format === "filepath" && (
          <p className="text-xs text-slate-500">
            Files the server writes belong in its own folder, kept across restarts: <code className="font-mono">/data</code> in the sandbox.
          </p>
        )}
        {mark?.stored && (
          <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500" data-testid={`stored-${entry.name}`}>
            {mark.removed ? "Will be removed on save." : "A value is stored. Leave empty to keep it."}
            {mark.onToggleRemove && (
              <button type="button" onClick={mark.onToggleRemove} className="rounded font-medium text-brand-700 hover:underline">
                {mark.removed ? "Undo" : "Remove value"}
              </button>
            )}
          </p>
        )}
        <EvidenceDisclosure name={entry.name} evidence={evidence} />
      </div>
    </Field>
  );
}

function FieldLabel({ entry }: { entry: EnvVarSpec }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="font-mono">{entry.name}</span>
      {entry.secret && <span className="rounded bg-slate-100 px-1.5 py-px text-[11px] font-medium text-slate-600">secret</span>}
      {entry.format && entry.format !== "string" && (
        <span className="rounded bg-slate-100 px-1.5 py-px text-[11px] font-medium text-slate-600">{entry.format}</span>
      )}
    </span>
  );
}
