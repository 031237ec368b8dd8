"use client";

import { useId, useState } from "react";
import { Button } from "@/components/app/ui";
import { LAUNCHERS } from "@/lib/spec/server-spec";

export type Launch = { command: (typeof LAUNCHERS)[number]; args: string[] };

/**
 * Correct the command the analysis chose: a launcher from the allowed list and its arguments, one per line
 * (no shell: each line is one argv entry, so spaces inside a line stay inside that argument).
 */
export function LaunchEditor({ value, onSave, onCancel }: { value: Launch; onSave: (launch: Launch) => void; onCancel: () => void }) {
  const id = useId();
  const [command, setCommand] = useState(value.command);
  const [argsText, setArgsText] = useState(value.args.join("\n"));
  return (
    <div className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="launch-editor">
      <div className="grid gap-3 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-command`} className="block text-xs font-medium text-slate-700">
            Launcher
          </label>
          <select
            id={`${id}-command`}
            value={command}
            onChange={(e) => setCommand(e.target.value as Launch["command"])}
            className="block w-full rounded-lg border-0 bg-white px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500"
          >
            {LAUNCHERS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-args`} className="block text-xs font-medium text-slate-700">
            Arguments, one per line
          </label>
          <textarea
            id={`${id}-args`}
            value={argsText}
            onChange={(e) => setArgsText(e.target.value)}
            rows={Math.min(8, Math.max(3, argsText.split("\n").length + 1))}
            spellCheck={false}
            className="block w-full rounded-lg border-0 bg-white px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500"
          />
        </div>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          type="button"
          onClick={() => onSave({ command, args: argsText.split("\n").map((a) => a.trim()).filter(Boolean) })}
          data-testid="launch-save"
        >
          Use this command
        </Button>
      </div>
    </div>
  );
}

/** How a command line reads in a terminal; quotes only arguments that need them. */
export function formatCommand(launch: Launch): string {
  return [launch.command, ...launch.args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(" ");
}
