import { Card } from "@/components/app/ui";
import { formatWhen } from "@/components/app/format";
import type { DeploymentEventView } from "@/lib/schemas/deployment";

const TONE: Record<string, string> = { running: "bg-emerald-500", failed: "bg-red-500", error: "bg-red-500", starting: "bg-amber-500", pending: "bg-amber-500" };

/** Status history, newest first. */
export function EventsTimeline({ events }: { events: DeploymentEventView[] }) {
  const sorted = [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card title="History" className="min-w-0">
      {sorted.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing has happened yet.</p>
      ) : (
        <ol className="space-y-3" data-testid="deployment-events">
          {sorted.slice(0, 30).map((e) => (
            <li key={e.id} className="flex gap-3 text-sm">
              <span className={`mt-1.5 size-2 shrink-0 rounded-full ${TONE[e.kind] ?? "bg-slate-300"}`} aria-hidden />
              <div className="min-w-0">
                <p className="text-slate-800">
                  <span className="font-medium">{e.kind}</span>
                  {e.message && <span className="text-slate-600"> — {e.message}</span>}
                </p>
                <p className="text-xs text-slate-500" title={new Date(e.createdAt).toLocaleString()}>
                  {formatWhen(e.createdAt)}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
