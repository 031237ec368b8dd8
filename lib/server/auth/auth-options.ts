import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { z } from "zod";
import { env } from "@/lib/server/env";
import { getDb, type Db } from "@/lib/server/db/client";
import { readOrCreateLocalSecret } from "@/lib/server/config/local-secret";
import { checkCredentials } from "./check-credentials";
import { isThrottled, recordFailure, recordSuccess, signInKey } from "./sign-in-throttle";
import { TOO_MANY_ATTEMPTS } from "@/lib/schemas/account";

export const githubSignInEnabled = Boolean(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET);

export function authSecret(): string {
  return env.NEXTAUTH_SECRET ?? readOrCreateLocalSecret({ dataDir: env.CATWALK_DATA_DIR, name: "nextauth", variable: "NEXTAUTH_SECRET" });
}

/** What next-auth v4 calls on an adapter (OAuth sign-in, and database sessions and email sign-in if ever used). */
const adapterMethods = [
  "createUser",
  "getUser",
  "getUserByEmail",
  "getUserByAccount",
  "updateUser",
  "deleteUser",
  "linkAccount",
  "unlinkAccount",
  "createSession",
  "getSessionAndUser",
  "updateSession",
  "deleteSession",
  "createVerificationToken",
  "useVerificationToken",
] as const;

/**
 * The Prisma adapter wants a client at construction, ours connects (and migrates) lazily; each adapter method
 * waits for the connection first. The methods are real properties, not a Proxy: next-auth wraps an adapter by
 * copying its own keys, and an empty Proxy target has none (OAuth sign-in then fails with "… is not a function").
 */
function lazyPrismaAdapter(): Adapter {
  let adapter: Promise<Adapter> | undefined;
  const get = () => (adapter ??= getDb().then((db: Db) => PrismaAdapter(db as never) as Adapter));
  const forward = (name: (typeof adapterMethods)[number]) => async (...args: unknown[]) => {
    const method = (await get())[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!method) throw new Error(`The Prisma adapter has no ${name}`);
    return method(...args);
  };
  return Object.fromEntries(adapterMethods.map((name) => [name, forward(name)])) as Adapter;
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

/** A base URL from the settings joined with a path, keeping any path prefix (GitHub Enterprise's `/api/v3`). */
const endpoint = (base: string, path: string) => `${base.replace(/\/+$/, "")}${path}`;

/**
 * The parts of GitHub's `GET /user` and `GET /user/emails` sign-in needs. Nulls become undefined because next-auth's
 * profile type has no nulls; the GitHub provider's own `profile()` maps this shape to a user.
 */
const gitHubUser = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string().nullish().transform((v) => v ?? undefined),
  email: z.string().nullish().transform((v) => v ?? undefined),
  avatar_url: z.string().nullish().transform((v) => v ?? undefined),
});
const gitHubEmails = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

async function readGitHubApi(path: string, accessToken: string): Promise<unknown> {
  const response = await fetch(endpoint(env.GITHUB_API_URL, path), {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "Catwalk" },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`GitHub ${path} answered ${response.status}`);
  return response.json();
}

/**
 * The GitHub user behind an access token. A private profile email is looked up in `/user/emails`, and only a
 * verified one is taken: the email becomes the Catwalk account's identity. (GitHub's public profile email is always
 * a verified one.)
 */
async function fetchGitHubProfile(accessToken: string) {
  const user = gitHubUser.parse(await readGitHubApi("/user", accessToken));
  if (user.email) return user;
  const emails = gitHubEmails.parse(await readGitHubApi("/user/emails", accessToken)).filter((e) => e.verified);
  return { ...user, email: (emails.find((e) => e.primary) ?? emails[0])?.email };
}

/** Thrown from the signIn callback; next-auth passes the message on as `/signin?error=…`. */
export const GITHUB_EMAIL_MISSING = "GitHubEmailMissing";

/**
 * GitHub sign-in, when its OAuth app is configured. Every URL comes from the settings (the provider's built-in ones
 * are github.com's) so a GitHub Enterprise host, or a local stand-in in tests, can take their place.
 *
 * An email that already belongs to a password account is NOT linked (next-auth's default, `OAuthAccountNotLinked`):
 * Catwalk does not verify emails at sign-up, so linking would hand a pre-registered account to whoever controls the
 * GitHub login, or the other way round.
 */
function gitHubProviders() {
  const { GITHUB_CLIENT_ID: clientId, GITHUB_CLIENT_SECRET: clientSecret, GITHUB_OAUTH_URL: oauthBase } = env;
  if (!clientId || !clientSecret) return [];
  return [
    GitHubProvider({
      clientId,
      clientSecret,
      issuer: endpoint(oauthBase, "/login/oauth"),
      authorization: { url: endpoint(oauthBase, "/login/oauth/authorize"), params: { scope: "read:user user:email" } },
      token: endpoint(oauthBase, "/login/oauth/access_token"),
      userinfo: {
        url: endpoint(env.GITHUB_API_URL, "/user"),
        request: ({ tokens }) => {
          if (!tokens.access_token) throw new Error("GitHub returned no access token");
          return fetchGitHubProfile(tokens.access_token);
        },
      },
    }),
  ];
}

export function authOptions(): NextAuthOptions {
  configureBaseUrl();
  return {
    secret: authSecret(),
    // Credentials sign-in requires JWT sessions in next-auth; OAuth users and accounts still live in the database.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    adapter: lazyPrismaAdapter(),
    // Errors next-auth would show on its own unstyled page land on the sign-in page, which explains them.
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, request) => {
          const key = signInKey(credentials?.email ?? "", request?.headers);
          // next-auth passes a thrown error's message to the client as `error`; the form explains this one.
          if (isThrottled(key)) throw new Error(TOO_MANY_ATTEMPTS);
          const user = await checkCredentials(credentials?.email ?? "", credentials?.password ?? "");
          if (!user) {
            recordFailure(key);
            return null;
          }
          recordSuccess(key);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...gitHubProviders(),
    ],
    callbacks: {
      // The email is the account's identity (and required by the schema); a GitHub user without a verified one is
      // refused before any row is written.
      signIn: ({ user, account }) => {
        if (account?.provider === "github" && !user.email) throw new Error(GITHUB_EMAIL_MISSING);
        return true;
      },
      jwt: ({ token, user }) => (user ? { ...token, sub: user.id } : token),
      session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub } }),
    },
  };
}
