import type { ServerSpec } from "@/lib/spec/server-spec";

/**
 * "Why is this here?": the findings that name this variable, or, when none does by name, everything the analysis
 * based its answer on, so the person can check the source files themselves.
 */
export function EvidenceDisclosure({ name, evidence }: { name: string; evidence: ServerSpec["evidence"] }) {
  if (evidence.length === 0) return null;
  const specific = evidence.filter((e) => e.reason.includes(name));
  const list = specific.length ? specific : evidence;
  return (
    <details className="group text-xs text-slate-500">
      <summary className="cursor-pointer select-none rounded hover:text-slate-800">Why this field?</summary>
      {!specific.length && <p className="mt-1">No finding names it directly; the analysis read:</p>}
      <ul className="mt-1 space-y-0.5">
        {list.map((e, i) => (
          <li key={i}>
            <span className="font-mono text-slate-700">{e.file}</span> — {e.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
