import { NewAnalysisForm } from "@/components/analysis/new-analysis-form";
import { DeploymentList } from "@/components/deployments/deployment-list";

export const metadata = { title: "Deployments" };

export default function HomePage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="dashboard-heading">
          Deployments
        </h1>
        <p className="mt-1 text-sm text-slate-600">Turn an MCP server on GitHub or npm into a remote endpoint any MCP client can use.</p>
      </div>
      <NewAnalysisForm />
      <DeploymentList />
    </div>
  );
}
