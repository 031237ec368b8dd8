"use client";

import { useState } from "react";
import { Card } from "@/components/app/ui";
import { CopyButton } from "@/components/app/copy-button";

/** The endpoint URL, and the freshly created token while this tab still remembers it (shown once). */
export function EndpointCard({ url, freshToken }: { url: string; freshToken: string | null }) {
  const [hidden, setHidden] = useState<string | null>(null);
  const showToken = freshToken && hidden !== freshToken;
  return (
    <Card title="Endpoint" className="min-w-0">
      <div className="space-y-4">
        <div className="space-y-1.5">
          <p className="text-xs font-medium text-slate-500">MCP endpoint (Streamable HTTP)</p>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded-lg bg-slate-50 px-3 py-2 font-mono text-xs ring-1 ring-slate-200" data-testid="endpoint-url" title={url}>
              {url}
            </code>
            <CopyButton value={url} testId="copy-endpoint" />
          </div>
        </div>
        {showToken && (
          <div className="space-y-2 rounded-lg bg-emerald-50 p-3 ring-1 ring-emerald-200" data-testid="new-token">
            <p className="text-sm font-medium text-emerald-900">Your access token. Copy it now: it will not be shown again.</p>
            <div className="flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-emerald-200" data-testid="new-token-value">
                {freshToken}
              </code>
              <CopyButton value={freshToken} testId="copy-token" />
            </div>
            <div className="flex items-center justify-between gap-2">
              <p className="text-xs text-emerald-800">The client snippets below already include it.</p>
              <button type="button" onClick={() => setHidden(freshToken)} className="rounded text-xs font-medium text-emerald-900 hover:underline">
                I&apos;ve saved it
              </button>
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}
