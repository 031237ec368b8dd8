import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { GITHUB_EMAIL_MISSING, githubSignInEnabled } from "@/lib/server/auth/auth-options";
import { safeCallbackUrl } from "@/lib/server/auth/safe-callback-url";

export const metadata = { title: "Sign in" };

/**
 * What next-auth's `?error=` codes mean to the person signing in. Unknown codes get a generic sentence rather than
 * being echoed, so a crafted link cannot put its own words on this page.
 */
const errorMessages: Record<string, string> = {
  OAuthAccountNotLinked: "This email already has a password account; sign in with your password.",
  [GITHUB_EMAIL_MISSING]: "Your GitHub account has no verified email address, which Catwalk needs. Add one on GitHub and try again.",
  OAuthSignin: "GitHub sign-in could not start. Try again in a moment.",
  OAuthCallback: "GitHub sign-in did not complete. Try again in a moment.",
  OAuthCreateAccount: "Your account could not be created from GitHub. Try again in a moment.",
  Callback: "Sign-in did not complete. Try again in a moment.",
  AccessDenied: "Sign-in was refused.",
  CredentialsSignin: "That email and password don't match an account.",
  SessionRequired: "Sign in to see that page.",
  Configuration: "Sign-in is not configured correctly on this server. Ask its operator to check the logs.",
};

function errorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(errorMessages, code) ? errorMessages[code] : "Sign-in did not complete. Try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
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
      <SignInForm callbackUrl={safeCallbackUrl(callbackUrl)} githubEnabled={githubSignInEnabled} initialError={errorMessage(error)} />
    </AuthCard>
  );
}
