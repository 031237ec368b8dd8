"use client";

import { forwardRef, useState, type InputHTMLAttributes } from "react";
import { TextInput } from "@/components/app/ui";

/** A password input with a reveal toggle; autocomplete is off so browsers do not offer to save API keys. */
export const SecretInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean; revealLabel?: string }>(function SecretInput(
  { revealLabel = "value", ...props },
  ref,
) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="relative">
      <TextInput ref={ref} {...props} type={revealed ? "text" : "password"} autoComplete="new-password" spellCheck={false} className="pr-16 font-mono" />
      <button
        type="button"
        onClick={() => setRevealed((r) => !r)}
        aria-pressed={revealed}
        aria-label={revealed ? `Hide ${revealLabel}` : `Show ${revealLabel}`}
        aria-controls={props.id}
        className="absolute inset-y-1 right-1 rounded-md px-2 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        {revealed ? "Hide" : "Show"}
      </button>
    </div>
  );
});
