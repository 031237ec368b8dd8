"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { DeploymentDetail, DeploymentSummary } from "@/lib/schemas/deployment";
import { isSettling } from "./status-badge";

export const deploymentKeys = {
  list: ["deployments"] as const,
  detail: (id: string) => ["deployment", id] as const,
  tokens: (id: string) => ["deployment", id, "tokens"] as const,
  usage: (id: string) => ["deployment", id, "usage"] as const,
  logs: (id: string) => ["deployment", id, "logs"] as const,
};

/** Your deployments; polls every 3 s while one is starting so the status changes without a reload. */
export function useDeployments() {
  return useQuery({
    queryKey: deploymentKeys.list,
    queryFn: () => apiFetch<{ deployments: DeploymentSummary[] }>("/api/deployments"),
    refetchInterval: (query) => (query.state.data?.deployments.some((d) => isSettling(d.status)) ? 3_000 : 15_000),
  });
}

export function useDeployment(id: string) {
  return useQuery({
    queryKey: deploymentKeys.detail(id),
    queryFn: () => apiFetch<{ deployment: DeploymentDetail }>(`/api/deployments/${id}`),
    refetchInterval: (query) => {
      const status = query.state.data?.deployment.status;
      if (query.state.error) return false;
      return status && isSettling(status) ? 2_000 : 15_000;
    },
  });
}
