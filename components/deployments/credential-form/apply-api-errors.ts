import type { FieldPath, UseFormSetError } from "react-hook-form";
import { ApiClientError } from "@/lib/client/api-client";
import type { CredentialFormValues } from "./credential-model";

/**
 * Puts the API's field errors (`env.NAME`, `extraEnv.NAME`, `requiredArgs.N`, `name`) on the matching inputs.
 * Returns the messages that have no input in this form (for example `launch.args`), for a form-level alert.
 */
export function applyApiErrors(options: { error: unknown; values: CredentialFormValues; setError: UseFormSetError<CredentialFormValues> }): string[] {
  const { error, values, setError } = options;
  if (!(error instanceof ApiClientError)) return ["Something went wrong on our side. Try again in a moment."];
  const unplaced: string[] = [];
  let focused = false;
  const place = (path: FieldPath<CredentialFormValues>, message: string) => {
    setError(path, { type: "server", message }, { shouldFocus: !focused });
    focused = true;
  };
  for (const [key, messages] of Object.entries(error.fields)) {
    const message = messages.join(" ");
    const dot = key.indexOf(".");
    const head = dot < 0 ? key : key.slice(0, dot);
    const rest = dot < 0 ? "" : key.slice(dot + 1);
    const extraIndex = values.extra.findIndex((r) => r.name.trim() === rest);
    if ((head === "env" || head === "extraEnv") && rest in values.env) place(`env.${rest}`, message);
    else if ((head === "env" || head === "extraEnv") && extraIndex >= 0) place(`extra.${extraIndex}.value`, message);
    else if (head === "requiredArgs" && /^\d+$/.test(rest) && Number(rest) < values.requiredArgs.length) place(`requiredArgs.${Number(rest)}`, message);
    else if (key === "name") place("name", message);
    else unplaced.push(`${describe(key)}: ${message}`);
  }
  const placedAny = Object.keys(error.fields).length > unplaced.length;
  if (!placedAny && unplaced.length === 0) return [error.message];
  return unplaced.length ? [error.message, ...unplaced] : [];
}

function describe(key: string): string {
  if (key.startsWith("launch.")) return key === "launch.command" ? "Launcher" : "Command arguments";
  return key;
}
