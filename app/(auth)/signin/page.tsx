import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { githubSignInEnabled } from "@/lib/server/auth/auth-options";
import { safeCallbackUrl } from "@/lib/server/auth/safe-callback-url";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back. Your MCP servers are where you left them."
      footer={
        <>
          New here?{" "}
          <Link href="/signup" className="font-medium text-brand-700 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={safeCallbackUrl(callbackUrl)} githubEnabled={githubSignInEnabled} />
    </AuthCard>
  );
}
