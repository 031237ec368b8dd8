import type { AnalysisProgress, AnalysisStage } from "./types";

const STAGES: { stage: AnalysisStage; label: string }[] = [
  { stage: "fetching", label: "Fetching the repository" },
  { stage: "detecting", label: "Detecting how it runs" },
  { stage: "refining", label: "Refining the findings" },
];

/** The analysis stages as a checklist: done, current (with the server's message) and still to come. */
export function AnalysisProgressList({ progress }: { progress: AnalysisProgress | null }) {
  const current = progress ? STAGES.findIndex((s) => s.stage === progress.stage) : 0;
  const finished = progress?.stage === "done";
  return (
    <ol className="space-y-2 text-sm" data-testid="analysis-progress" aria-live="polite">
      {STAGES.map((s, index) => {
        const state = finished || index < current ? "done" : index === current ? "current" : "todo";
        return (
          <li key={s.stage} className="flex items-start gap-2.5">
            <StageIcon state={state} />
            <div className="min-w-0">
              <p className={state === "todo" ? "text-slate-400" : "font-medium text-slate-800"}>{s.label}</p>
              {state === "current" && progress?.message && <p className="truncate text-xs text-slate-500">{progress.message}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function StageIcon({ state }: { state: "done" | "current" | "todo" }) {
  if (state === "done") {
    return (
      <span className="mt-0.5 grid size-4 shrink-0 place-items-center rounded-full bg-emerald-500 text-white" aria-label="done">
        <svg viewBox="0 0 16 16" className="size-3" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden>
          <path d="M3.5 8.5l3 3 6-7" />
        </svg>
      </span>
    );
  }
  if (state === "current") {
    return <span className="mt-0.5 size-4 shrink-0 animate-spin rounded-full border-2 border-brand-200 border-t-brand-600" aria-label="in progress" />;
  }
  return <span className="mt-0.5 size-4 shrink-0 rounded-full border-2 border-slate-200" aria-label="waiting" />;
}
