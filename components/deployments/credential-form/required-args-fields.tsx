"use client";

import { useFormContext } from "react-hook-form";
import { Field, TextInput } from "@/components/app/ui";
import type { ServerSpec } from "@/lib/spec/server-spec";
import type { CredentialFormValues } from "./credential-model";

/** CLI arguments the server needs (a directory, `--tools=…`), appended to its command line in this order. */
export function RequiredArgsFields({ args, storedArgs }: { args: NonNullable<ServerSpec["args_required"]>; storedArgs?: boolean }) {
  const { register, formState } = useFormContext<CredentialFormValues>();
  if (args.length === 0) return null;
  return (
    <div className="space-y-4" data-testid="required-args">
      <div>
        <h3 className="text-sm font-medium text-slate-800">Command-line arguments</h3>
        <p className="text-xs text-slate-500">
          {storedArgs ? "Arguments are stored. To change them, enter all of them again; leave all empty to keep them." : "The server needs these on its command line."}
        </p>
      </div>
      {args.map((arg, i) => {
        const error = formState.errors.requiredArgs?.[i]?.message;
        return (
          <Field key={i} label={<span className="font-mono">{arg.name}</span>} htmlFor={`arg-${i}`} error={error} required={!storedArgs} hint={arg.description}>
            <TextInput id={`arg-${i}`} invalid={!!error} spellCheck={false} autoComplete="off" className="font-mono" placeholder={storedArgs ? "Stored — leave empty to keep" : undefined} {...register(`requiredArgs.${i}`)} />
          </Field>
        );
      })}
    </div>
  );
}
