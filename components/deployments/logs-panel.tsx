"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Alert, Card } from "@/components/app/ui";
import { apiFetch } from "@/lib/client/api-client";
import type { LogLineView } from "@/lib/schemas/deployment";
import { deploymentKeys } from "./deployment-queries";

const MAX_LINES = 500;
const keyOf = (l: LogLineView) => `${l.at}|${l.stream}|${l.line}`;

/** Recent lines from the API, then live ones over SSE. Lines are redacted on the server before they get here. */
export function LogsPanel({ deploymentId }: { deploymentId: string }) {
  const recent = useQuery({
    queryKey: deploymentKeys.logs(deploymentId),
    queryFn: () => apiFetch<{ lines: LogLineView[] }>(`/api/deployments/${deploymentId}/logs?limit=200`),
    refetchOnWindowFocus: false,
  });
  const [live, setLive] = useState<LogLineView[]>([]);
  const [connection, setConnection] = useState<"connecting" | "live" | "reconnecting">("connecting");
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    // EventSource reconnects on its own after a dropped connection; the session cookie goes along (same origin).
    const source = new EventSource(`/api/deployments/${deploymentId}/logs/stream`);
    source.onopen = () => setConnection("live");
    source.onerror = () => setConnection("reconnecting");
    source.addEventListener("log", (event) => {
      setConnection("live");
      const line = JSON.parse((event as MessageEvent<string>).data) as LogLineView;
      setLive((prev) => [...prev, line].slice(-MAX_LINES));
    });
    return () => source.close();
  }, [deploymentId]);

  const seen = new Set<string>();
  const lines = [...(recent.data?.lines ?? []), ...live].filter((l) => {
    const k = keyOf(l);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  useEffect(() => {
    if (stick.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines.length]);

  return (
    <Card
      title="Logs"
      className="min-w-0"
      actions={
        <span className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="logs-live">
          <span className={`size-1.5 rounded-full ${connection === "live" ? "bg-emerald-500" : "bg-slate-300"}`} aria-hidden />
          {connection === "live" ? "Live" : connection === "connecting" ? "Connecting…" : "Reconnecting…"}
        </span>
      }
    >
      {recent.error && <Alert>Couldn&apos;t load logs: {recent.error.message}</Alert>}
      <div
        ref={box}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        tabIndex={0}
        aria-label="Server logs"
        className="-mx-5 -mt-5 -mb-5 h-72 overflow-auto rounded-b-xl bg-slate-950 px-4 py-3 font-mono text-[11px] leading-5 text-slate-200"
        data-testid="deployment-logs"
      >
        {recent.isPending && <p className="text-slate-500">Loading…</p>}
        {!recent.isPending && lines.length === 0 && <p className="text-slate-500">No output yet. Lines appear here as the server writes them.</p>}
        {lines.map((l) => (
          <div key={keyOf(l)} className="flex gap-3 whitespace-pre-wrap">
            <span className="shrink-0 text-slate-500 select-none">{new Date(l.at).toLocaleTimeString()}</span>
            <span className={`min-w-0 break-all ${l.stream === "stderr" ? "text-amber-200" : l.stream === "system" ? "text-sky-300" : ""}`}>{l.line}</span>
          </div>
        ))}
      </div>
    </Card>
  );
}
