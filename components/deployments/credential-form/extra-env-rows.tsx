"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Button, TextInput } from "@/components/app/ui";
import type { CredentialFormValues } from "./credential-model";
import { SecretInput } from "./secret-input";

/** Variables the analysis missed: name, value, and whether the dashboard should treat it as a secret. */
export function ExtraEnvRows({ allowSecretToggle }: { allowSecretToggle: boolean }) {
  const { control, register, formState, watch } = useFormContext<CredentialFormValues>();
  const rows = useFieldArray({ control, name: "extra" });
  return (
    <div className="space-y-3" data-testid="extra-env">
      <div>
        <h3 className="text-sm font-medium text-slate-800">Other variables</h3>
        <p className="text-xs text-slate-500">Anything the analysis missed. Every value is stored encrypted.</p>
      </div>
      {rows.fields.map((row, i) => {
        const errors = formState.errors.extra?.[i];
        const secret = watch(`extra.${i}.secret`);
        const valueProps = { id: `extra-${i}-value`, "aria-label": `Value of variable ${i + 1}`, invalid: !!errors?.value, ...register(`extra.${i}.value`) };
        return (
          <div key={row.id} className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
            <div className="grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] sm:items-start">
              <TextInput
                id={`extra-${i}-name`}
                aria-label={`Name of variable ${i + 1}`}
                placeholder="NAME"
                autoComplete="off"
                spellCheck={false}
                className="font-mono uppercase placeholder:normal-case"
                invalid={!!errors?.name}
                {...register(`extra.${i}.name`)}
              />
              {secret ? <SecretInput {...valueProps} revealLabel={`value of variable ${i + 1}`} placeholder="value" /> : <TextInput {...valueProps} placeholder="value" autoComplete="off" spellCheck={false} />}
              <div className="flex items-center justify-between gap-3 sm:justify-start">
                {allowSecretToggle && (
                  <label className="flex items-center gap-1.5 text-xs text-slate-700">
                    <input type="checkbox" className="size-4 accent-brand-600" {...register(`extra.${i}.secret`)} />
                    Secret
                  </label>
                )}
                <Button type="button" variant="ghost" onClick={() => rows.remove(i)} aria-label={`Remove variable ${i + 1}`}>
                  Remove
                </Button>
              </div>
            </div>
            {(errors?.name || errors?.value) && (
              <p className="mt-1.5 text-xs font-medium text-red-600" role="alert" data-testid={`error-extra-${i}`}>
                {errors.name?.message ?? errors.value?.message}
              </p>
            )}
          </div>
        );
      })}
      <Button type="button" variant="secondary" onClick={() => rows.append({ name: "", value: "", secret: true })} data-testid="add-variable">
        + Add variable
      </Button>
    </div>
  );
}
