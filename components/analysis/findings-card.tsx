"use client";

import { useState, type ReactNode } from "react";
import { Alert, Button, Card } from "@/components/app/ui";
import { formatCommand, LaunchEditor, type Launch } from "./launch-editor";
import type { AnalysisView } from "./types";

/** What the analysis found, with the evidence behind it and a way to correct the launch command. */
export function FindingsCard({ analysis, launch, edited, onLaunchChange }: { analysis: AnalysisView; launch: Launch; edited: boolean; onLaunchChange: (launch: Launch | null) => void }) {
  const { spec } = analysis;
  const [editing, setEditing] = useState(false);
  const confidence = Math.round(spec.confidence * 100);
  return (
    <Card title="What Catwalk found" className="min-w-0">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-4 text-sm sm:grid-cols-2" data-testid="findings">
        <Item label="Runtime">{spec.runtime === "npm" ? "Node.js (npm)" : spec.runtime === "python" ? "Python (PyPI)" : "Container image"}</Item>
        <Item label="Package">
          <span className="font-mono break-all" data-testid="finding-package">
            {spec.package}
            {spec.version ? `@${spec.version}` : ""}
          </span>
        </Item>
        <Item label="Confidence">
          <span className="flex items-center gap-2">
            <span className="h-1.5 w-24 overflow-hidden rounded-full bg-slate-100" aria-hidden>
              <span className={`block h-full rounded-full ${confidence >= 75 ? "bg-emerald-500" : confidence >= 50 ? "bg-amber-500" : "bg-red-500"}`} style={{ width: `${confidence}%` }} />
            </span>
            {confidence}%
          </span>
        </Item>
        <Item label="Analyzer">{analysis.analyzer === "llm" ? "Detectors, refined by a language model" : "Detectors (no language model)"}</Item>
        <div className="sm:col-span-2">
          <dt className="flex items-center justify-between gap-2 text-xs font-medium text-slate-500">
            <span>Command {edited && <span className="ml-1 rounded bg-amber-100 px-1.5 py-px text-[11px] text-amber-800">edited</span>}</span>
            {!editing && (
              <span className="flex gap-1">
                {edited && (
                  <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => onLaunchChange(null)}>
                    Reset
                  </Button>
                )}
                <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(true)} data-testid="edit-launch">
                  Edit
                </Button>
              </span>
            )}
          </dt>
          <dd className="mt-1">
            {editing ? (
              <LaunchEditor
                value={launch}
                onCancel={() => setEditing(false)}
                onSave={(next) => {
                  onLaunchChange(next);
                  setEditing(false);
                }}
              />
            ) : (
              <code className="block overflow-x-auto rounded-lg bg-slate-900 px-3 py-2 font-mono text-xs whitespace-pre text-slate-100" data-testid="finding-command">
                {formatCommand(launch)}
              </code>
            )}
          </dd>
        </div>
      </dl>
      {analysis.warnings.length > 0 && (
        <div className="mt-4">
          <Alert tone="warning" testId="analysis-warnings">
            <ul className="list-disc space-y-1 pl-4">
              {analysis.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
      <details className="mt-4 text-sm" data-testid="evidence">
        <summary className="cursor-pointer font-medium text-slate-700 select-none hover:text-slate-900">Evidence ({spec.evidence.length})</summary>
        <ul className="mt-2 space-y-1.5">
          {spec.evidence.map((e, i) => (
            <li key={i} className="text-xs text-slate-600">
              <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{e.file}</span> {e.reason}
            </li>
          ))}
        </ul>
      </details>
    </Card>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}
