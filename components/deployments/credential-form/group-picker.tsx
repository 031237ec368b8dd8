"use client";

import type { EnvGroup } from "./credential-model";

/** Either/or credentials as a radio group: "Use API key" / "Use username + password". */
export function GroupPicker({ groups, selected, onSelect }: { groups: EnvGroup[]; selected: string | null; onSelect: (id: string) => void }) {
  return (
    <fieldset className="space-y-2" data-testid="credential-groups">
      <legend className="text-sm font-medium text-slate-800">How should the server sign in?</legend>
      <p className="text-xs text-slate-500">The server accepts either set of credentials. Fill in one.</p>
      <div className="grid gap-2 sm:grid-cols-2">
        {groups.map((g) => {
          const active = g.id === selected;
          return (
            <label
              key={g.id}
              className={`flex cursor-pointer items-start gap-2.5 rounded-lg p-3 text-sm ring-1 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${active ? "bg-brand-50 ring-brand-500" : "bg-white ring-slate-300 hover:bg-slate-50"}`}
            >
              <input type="radio" name="credential-group" value={g.id} checked={active} onChange={() => onSelect(g.id)} className="mt-0.5 accent-brand-600" />
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">Use {g.label}</span>
                <span className="block truncate font-mono text-xs text-slate-500">{g.members.map((m) => m.name).join(" + ")}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
