export const dynamic = "force-dynamic";

import type { ReactNode } from "react";
import { AppHeader } from "@/components/app/app-header";
import { requirePageUser } from "@/lib/server/auth/require-page-user";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <>
      <AppHeader email={user.email} />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
