import "server-only";
import type { Analysis } from "@/lib/server/db/generated/client";
import { serverSpecSchema, type ServerSpec } from "@/lib/spec/server-spec";

export type AnalysisView = {
  id: string;
  source: string;
  commit: string;
  spec: ServerSpec;
  analyzer: string;
  warnings: string[];
  createdAt: string;
  cached: boolean;
};

export function toAnalysisView(row: Analysis): AnalysisView {
  return {
    id: row.id,
    source: row.source,
    commit: row.commit,
    spec: serverSpecSchema.parse(row.spec),
    analyzer: row.analyzer,
    warnings: Array.isArray(row.warnings) ? (row.warnings as string[]) : [],
    createdAt: row.createdAt.toISOString(),
    cached: false,
  };
}
