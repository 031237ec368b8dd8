import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { env } from "@/lib/server/env";
import { getDb, type Db } from "@/lib/server/db/client";
import { readOrCreateLocalSecret } from "@/lib/server/config/local-secret";
import { checkCredentials } from "./check-credentials";

export const githubSignInEnabled = Boolean(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET);

export function authSecret(): string {
  return env.NEXTAUTH_SECRET ?? readOrCreateLocalSecret({ dataDir: env.CATWALK_DATA_DIR, name: "nextauth", variable: "NEXTAUTH_SECRET" });
}

/**
 * The Prisma adapter wants a client at construction, ours connects (and migrates) lazily; each adapter method
 * waits for the connection first.
 */
function lazyPrismaAdapter(): Adapter {
  let adapter: Promise<Adapter> | undefined;
  const get = () => (adapter ??= getDb().then((db: Db) => PrismaAdapter(db as never) as Adapter));
  return new Proxy({} as Adapter, {
    get: (_target, method: string) => async (...args: unknown[]) => {
      const real = (await get()) as Record<string, (...a: unknown[]) => unknown>;
      return real[method]?.(...args);
    },
  });
}

/**
 * next-auth v4 builds its redirect URLs from NEXTAUTH_URL and otherwise assumes http://localhost:3000. With a
 * public URL configured that is used; without one (a local start) the request's own Host is trusted.
 */
function configureBaseUrl() {
  if (env.NEXTAUTH_URL) return;
  if (env.CATWALK_PUBLIC_URL) process.env.NEXTAUTH_URL = env.CATWALK_PUBLIC_URL;
  else process.env.AUTH_TRUST_HOST = "true";
}

export function authOptions(): NextAuthOptions {
  configureBaseUrl();
  return {
    secret: authSecret(),
    // Credentials sign-in requires JWT sessions in next-auth; OAuth users and accounts still live in the database.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    adapter: lazyPrismaAdapter(),
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials) => {
          const user = await checkCredentials(credentials?.email ?? "", credentials?.password ?? "");
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
      ...(githubSignInEnabled
        ? [GitHubProvider({ clientId: env.GITHUB_CLIENT_ID!, clientSecret: env.GITHUB_CLIENT_SECRET! })]
        : []),
    ],
    callbacks: {
      jwt: ({ token, user }) => (user ? { ...token, sub: user.id } : token),
      session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub } }),
    },
  };
}
