"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button, Card, Field, TextInput } from "@/components/app/ui";
import { createAnalysisSchema } from "@/lib/schemas/deployment";
import { AnalysisProgressList } from "./analysis-progress";
import { startAnalysis } from "./start-analysis";
import type { AnalysisProgress } from "./types";

type Values = z.input<typeof createAnalysisSchema>;

/** The home page's one field: paste a source, watch the analysis stages, land on the analysis page. */
export function NewAnalysisForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<AnalysisProgress | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(createAnalysisSchema), defaultValues: { source: "" } });

  const analyze = useMutation({
    mutationFn: (values: Values) => {
      setProgress({ stage: "fetching", message: "Connecting…" });
      return startAnalysis({ source: values.source, onProgress: setProgress });
    },
    onSuccess: (analysis) => {
      queryClient.setQueryData(["analysis", analysis.id], { analysis });
      router.push(`/analyses/${analysis.id}`);
    },
  });
  const busy = analyze.isPending || analyze.isSuccess;
  const error = form.formState.errors.source?.message ?? (analyze.error?.message || undefined);

  return (
    <Card>
      <form onSubmit={form.handleSubmit((v) => analyze.mutate(v))} noValidate className="space-y-4" data-testid="new-analysis-form">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Deploy an MCP server</h2>
          <p className="mt-0.5 text-sm text-slate-600">Catwalk reads the repository, works out how to run it and which credentials it needs.</p>
        </div>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="flex-1">
            <Field label="Paste a GitHub repository, a git URL or npm:package" htmlFor="source" error={error}>
              <TextInput
                id="source"
                autoComplete="off"
                spellCheck={false}
                placeholder="https://github.com/owner/repo"
                invalid={!!error}
                disabled={busy}
                {...form.register("source")}
              />
            </Field>
          </div>
          <Button type="submit" disabled={busy} className="sm:mt-7" data-testid="analyze-submit">
            {busy ? "Analyzing…" : "Analyze"}
          </Button>
        </div>
        {busy && (
          <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
            <AnalysisProgressList progress={progress} />
          </div>
        )}
      </form>
    </Card>
  );
}
