"use client";

import { Button } from "./ui";
import { formatWhen } from "./format";

export type RevocableSecret = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** One personal API key or deployment access token in a list: never the secret, only its prefix and its use. */
export function RevocableSecretRow({ item, kind, onRevoke, revoking }: { item: RevocableSecret; kind: string; onRevoke: (id: string) => void; revoking: boolean }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
      <div className="min-w-0">
        <p className={`font-medium ${item.revokedAt ? "text-slate-400 line-through" : "text-slate-900"}`}>{item.name}</p>
        <p className="font-mono text-xs text-slate-500">
          {item.prefix}… · created {formatWhen(item.createdAt)} · last used {formatWhen(item.lastUsedAt)}
        </p>
      </div>
      {item.revokedAt ? (
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-500">revoked</span>
      ) : (
        <Button variant="secondary" onClick={() => onRevoke(item.id)} disabled={revoking} aria-label={`Revoke ${kind} ${item.name}`}>
          Revoke
        </Button>
      )}
    </li>
  );
}
