import { requirePageUser } from "@/lib/server/auth/require-page-user";

export const metadata = { title: "Deployments" };

export default async function HomePage() {
  const user = await requirePageUser();
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold tracking-tight" data-testid="dashboard-heading">
        Deployments
      </h1>
      <p className="text-sm text-slate-600">Signed in as {user.email}.</p>
    </div>
  );
}
