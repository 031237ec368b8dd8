"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { Card } from "@/components/app/ui";
import { CopyButton } from "@/components/app/copy-button";
import { buildClientConfigs } from "./build-client-configs";

/** Tabs with one snippet per MCP client; arrow keys move between tabs, as in the WAI-ARIA tabs pattern. */
export function ClientConfigs({ name, url, token }: { name: string; url: string; token: string | null }) {
  const configs = buildClientConfigs({ name, url, token });
  const [active, setActive] = useState(configs[0].id);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const base = useId();
  const current = configs.find((c) => c.id === active) ?? configs[0];

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const delta = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = (index + delta + configs.length) % configs.length;
    setActive(configs[next].id);
    tabs.current[next]?.focus();
  };

  return (
    <Card title="Connect a client" className="min-w-0">
      <div role="tablist" aria-label="MCP clients" className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1">
        {configs.map((c, i) => (
          <button
            key={c.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            role="tab"
            type="button"
            id={`${base}-${c.id}-tab`}
            aria-selected={c.id === active}
            aria-controls={`${base}-panel`}
            tabIndex={c.id === active ? 0 : -1}
            onClick={() => setActive(c.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            data-testid={`client-tab-${c.id}`}
            className={`shrink-0 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap ${c.id === active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {c.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${current.id}-tab`} className="mt-3 space-y-2">
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-slate-500">{current.where}</p>
          <CopyButton value={current.text} testId="copy-client-config" />
        </div>
        <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100" data-testid="client-config">
          {current.text}
        </pre>
        {current.note && <p className="text-xs text-slate-500">{current.note}</p>}
        {!token && <p className="text-xs text-slate-500">Replace &lt;your token&gt; with an access token. Tokens are shown once, when you create them below.</p>}
      </div>
    </Card>
  );
}
