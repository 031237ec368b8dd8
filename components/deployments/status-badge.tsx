import type { DeploymentStatus } from "@/lib/schemas/deployment";

const STYLES: Record<DeploymentStatus, { label: string; className: string; dot: string }> = {
  pending: { label: "Pending", className: "bg-amber-50 text-amber-800 ring-amber-200", dot: "bg-amber-500 animate-pulse" },
  starting: { label: "Starting", className: "bg-amber-50 text-amber-800 ring-amber-200", dot: "bg-amber-500 animate-pulse" },
  running: { label: "Running", className: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-500" },
  idle: { label: "Idle", className: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-400" },
  stopped: { label: "Stopped", className: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-400" },
  failed: { label: "Failed", className: "bg-red-50 text-red-800 ring-red-200", dot: "bg-red-500" },
};

export function StatusBadge({ status, testId }: { status: DeploymentStatus; testId?: string }) {
  const style = STYLES[status] ?? STYLES.pending;
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}
      data-testid={testId}
      data-status={status}
    >
      <span className={`size-1.5 rounded-full ${style.dot}`} aria-hidden />
      {style.label}
    </span>
  );
}

/** Statuses that change on their own soon, so views poll faster while one is showing. */
export function isSettling(status: DeploymentStatus): boolean {
  return status === "pending" || status === "starting";
}

export const STATUS_HELP: Partial<Record<DeploymentStatus, string>> = {
  idle: "Stopped while unused; the next request wakes it.",
  pending: "Waiting to start.",
  starting: "Installing and starting the server. The first start installs the package and can take a minute.",
};
