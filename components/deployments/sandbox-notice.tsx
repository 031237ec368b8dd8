import { Alert } from "@/components/app/ui";
import type { DeploymentDetail } from "@/lib/schemas/deployment";

/** Says plainly how isolated the server is; "none" is a warning, not a footnote. */
export function SandboxNotice({ sandbox }: { sandbox: DeploymentDetail["sandbox"] }) {
  if (!sandbox) return null;
  if (sandbox.kind === "none") {
    return (
      <Alert tone="warning" testId="sandbox-notice">
        <strong className="font-semibold">Runs without a sandbox.</strong> This server runs as an ordinary process on the host and can read what that
        process can read. {sandbox.reason && <span>({sandbox.reason})</span>}
      </Alert>
    );
  }
  return (
    <p className="flex items-center gap-2 text-xs text-slate-600" data-testid="sandbox-notice">
      <svg viewBox="0 0 16 16" className="size-3.5 shrink-0 text-emerald-600" fill="currentColor" aria-hidden>
        <path d="M8 1l5.5 2v4.5c0 3.3-2.3 6.2-5.5 7.5C4.8 13.7 2.5 10.8 2.5 7.5V3L8 1z" />
      </svg>
      Sandboxed ({sandbox.kind}) · network: {sandbox.network}
      {sandbox.reason ? ` · ${sandbox.reason}` : ""}
    </p>
  );
}
