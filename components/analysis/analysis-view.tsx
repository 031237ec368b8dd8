"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button, Card } from "@/components/app/ui";
import { formatWhen } from "@/components/app/format";
import { CredentialForm } from "@/components/deployments/credential-form/credential-form";
import type { CredentialPayload } from "@/components/deployments/credential-form/credential-model";
import { deploymentKeys } from "@/components/deployments/deployment-queries";
import { rememberFreshToken } from "@/components/deployments/fresh-token-store";
import { apiFetch } from "@/lib/client/api-client";
import type { CreateDeploymentInput, DeploymentDetail } from "@/lib/schemas/deployment";
import { AnalysisProgressList } from "./analysis-progress";
import { FindingsCard } from "./findings-card";
import type { Launch } from "./launch-editor";
import { startAnalysis } from "./start-analysis";
import type { AnalysisProgress, AnalysisView as Analysis } from "./types";

type Created = { deployment: DeploymentDetail; token: { id: string; name: string; prefix: string; token: string } };

export function AnalysisView({ id }: { id: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ["analysis", id], queryFn: () => apiFetch<{ analysis: Analysis }>(`/api/analyses/${id}`) });
  const [launchOverride, setLaunchOverride] = useState<Launch | null>(null);
  const [progress, setProgress] = useState<AnalysisProgress | null>(null);

  const reanalyze = useMutation({
    mutationFn: (source: string) => startAnalysis({ source, refresh: true, onProgress: setProgress }),
    onSuccess: (analysis) => {
      queryClient.setQueryData(["analysis", analysis.id], { analysis });
      router.push(`/analyses/${analysis.id}`);
    },
  });

  if (query.isPending) return <PageSkeleton />;
  if (query.error) {
    return (
      <Alert testId="analysis-load-error">
        {query.error.message}. <Link href="/" className="font-medium underline">Start a new analysis</Link>
      </Alert>
    );
  }
  const { analysis } = query.data;
  const { spec } = analysis;
  const launch: Launch = launchOverride ?? { command: spec.command, args: spec.args };

  const deploy = async (payload: CredentialPayload) => {
    const body: CreateDeploymentInput = {
      analysisId: analysis.id,
      name: payload.name,
      env: payload.env as Record<string, string>,
      extraEnv: payload.extraEnv,
      extraSecret: payload.extraSecret,
      requiredArgs: payload.requiredArgs ?? [],
      launch: launchOverride ? { command: launchOverride.command, args: launchOverride.args } : undefined,
    };
    const created = await apiFetch<Created>("/api/deployments", { body });
    rememberFreshToken(created.deployment.id, created.token.token);
    queryClient.setQueryData(deploymentKeys.detail(created.deployment.id), { deployment: created.deployment });
    void queryClient.invalidateQueries({ queryKey: deploymentKeys.list });
    router.push(`/deployments/${created.deployment.id}`);
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-xs font-medium text-slate-500">
            <Link href="/" className="hover:text-slate-800">
              Deployments
            </Link>{" "}
            / Analysis
          </p>
          <h1 className="mt-1 truncate text-2xl font-semibold tracking-tight" data-testid="analysis-heading">
            {spec.name}
          </h1>
          {spec.description && <p className="mt-1 text-sm text-slate-600">{spec.description}</p>}
          <p className="mt-1 text-xs break-all text-slate-500">
            <span className="font-mono">{analysis.source}</span>
            {analysis.commit && <span className="font-mono"> @ {analysis.commit.slice(0, 7)}</span>} · analyzed {formatWhen(analysis.createdAt)}
            {analysis.cached && " (cached)"}
          </p>
        </div>
        <Button variant="secondary" onClick={() => reanalyze.mutate(analysis.source)} disabled={reanalyze.isPending} className="shrink-0">
          {reanalyze.isPending ? "Analyzing…" : "Analyze again"}
        </Button>
      </div>
      {reanalyze.isPending && (
        <Card>
          <AnalysisProgressList progress={progress} />
        </Card>
      )}
      {reanalyze.error && <Alert>{reanalyze.error.message}</Alert>}
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <div className="min-w-0 lg:col-span-2">
          <FindingsCard analysis={analysis} launch={launch} edited={launchOverride !== null} onLaunchChange={setLaunchOverride} />
        </div>
        <Card title="Credentials and settings" className="min-w-0 lg:col-span-3">
          <p className="mb-5 text-sm text-slate-600">Values are encrypted before they are stored and are never shown again, not even to you.</p>
          <CredentialForm spec={spec} submitLabel="Deploy" pendingLabel="Deploying…" onSubmit={deploy} testId="credential-form" />
        </Card>
      </div>
    </div>
  );
}

function PageSkeleton() {
  return (
    <div className="space-y-4" aria-label="Loading analysis">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="h-64 animate-pulse rounded-xl bg-white ring-1 ring-slate-200 lg:col-span-2" />
        <div className="h-96 animate-pulse rounded-xl bg-white ring-1 ring-slate-200 lg:col-span-3" />
      </div>
    </div>
  );
}
