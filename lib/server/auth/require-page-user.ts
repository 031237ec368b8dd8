import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";

/** For dashboard pages: the signed-in user, or a redirect to sign-in that comes back to this page. */
export async function requirePageUser(): Promise<{ id: string; email: string; name: string | null }> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id) {
    const path = (await headers()).get("x-catwalk-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return { id: user.id, email: user.email ?? "", name: user.name ?? null };
}
