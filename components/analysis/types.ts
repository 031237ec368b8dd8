import type { ServerSpec } from "@/lib/spec/server-spec";

// Shapes of /api/analyses answers, as the dashboard reads them.

export type AnalysisStage = "fetching" | "detecting" | "refining" | "done";

export type AnalysisProgress = { stage: AnalysisStage; message: string };

export type AnalysisView = {
  id: string;
  source: string;
  commit: string | null;
  spec: ServerSpec;
  analyzer: string;
  warnings: string[];
  createdAt: string;
  cached: boolean;
};
