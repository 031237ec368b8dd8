import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { serveOnLoopback } from "./serve-on-loopback";

/**
 * A local stand-in for GitHub's OAuth web flow and the two API calls sign-in makes, speaking GitHub's wire format:
 *
 * - `GET /login/oauth/authorize` — the consent page. The "browser" here is always signed in to GitHub as the current
 *   user and approves at once: a redirect to `redirect_uri` with a one-time `code` and the caller's `state`.
 * - `POST /login/oauth/access_token` — client credentials in the body or HTTP Basic; JSON when asked with
 *   `Accept: application/json`, form-encoded otherwise; errors answered 200 with an `error` field, as GitHub does.
 * - `GET /user` and `GET /user/emails` — with `Authorization: Bearer|token <access token>`.
 *
 * Tests running in another process choose who is "signed in to GitHub" with `PUT /__fake__/signed-in-user` (a JSON
 * `FakeGitHubUser`); that route is this fake's own, not GitHub's.
 */
export type FakeGitHubUser = {
  id: number;
  login: string;
  name?: string | null;
  email: string;
  /** Whether `email` is shown on the public profile (`/user`); a private one is only in `/user/emails`. */
  emailPublic?: boolean;
  emailVerified?: boolean;
};

export type FakeGitHubOAuthOptions = { clientId: string; clientSecret: string; user?: FakeGitHubUser };

export type FakeGitHubOAuth = {
  url: string;
  /** `METHOD /path` of every request received. */
  requests: string[];
  signInAs(user: FakeGitHubUser | null): void;
  close(): Promise<void>;
};

type Grant = { user: FakeGitHubUser; clientId: string; redirectUri: string; scope: string; expiresAt: number };

const CODE_LIFETIME_MS = 10 * 60_000;
const DOCS = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string>) => {
  res.writeHead(status, headers);
  res.end(body);
};
const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, JSON.stringify(body), { "content-type": "application/json; charset=utf-8" });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The token endpoint takes form or JSON bodies. */
function parseParams(body: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes("application/json")) {
    const parsed: unknown = body ? JSON.parse(body) : {};
    return typeof parsed === "object" && parsed ? Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)])) : {};
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/** RFC 6749 §2.3.1: Basic credentials are form-encoded before base64. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header?.match(/^Basic\s+(.+)$/i);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
  return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
}

const token = (prefix: string) => `${prefix}${randomBytes(18).toString("hex")}`;

export async function startFakeGitHubOAuth(options: FakeGitHubOAuthOptions): Promise<FakeGitHubOAuth> {
  const requests: string[] = [];
  let signedIn: FakeGitHubUser | null = options.user ?? null;
  const codes = new Map<string, Grant>();
  const accessTokens = new Map<string, Grant>();

  const authorize = (url: URL, res: ServerResponse) => {
    const clientId = url.searchParams.get("client_id");
    const redirectUri = url.searchParams.get("redirect_uri");
    if (clientId !== options.clientId || !redirectUri) return send(res, 404, "Not Found", { "content-type": "text/plain" });
    if (!signedIn) return send(res, 401, "No GitHub user is signed in to the fake.", { "content-type": "text/plain" });
    const code = token("");
    const scope = (url.searchParams.get("scope") ?? "").split(/[\s,]+/).filter(Boolean).join(",");
    codes.set(code, { user: { ...signedIn }, clientId, redirectUri, scope, expiresAt: Date.now() + CODE_LIFETIME_MS });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    const state = url.searchParams.get("state");
    if (state !== null) target.searchParams.set("state", state);
    return send(res, 302, "", { location: target.toString() });
  };

  const exchange = async (req: IncomingMessage, res: ServerResponse) => {
    const params = parseParams(await readBody(req), req.headers["content-type"]);
    const basic = basicCredentials(req.headers.authorization);
    const clientId = basic?.id ?? params.client_id;
    const clientSecret = basic?.secret ?? params.client_secret;
    const wantsJson = req.headers.accept?.includes("application/json") ?? false;
    const answer = (body: Record<string, string>) =>
      wantsJson ? json(res, 200, body) : send(res, 200, new URLSearchParams(body).toString(), { "content-type": "application/x-www-form-urlencoded; charset=utf-8" });
    const refuse = (error: string, description: string) => answer({ error, error_description: description, error_uri: DOCS });

    if (clientId !== options.clientId || clientSecret !== options.clientSecret) {
      return refuse("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
    }
    const grant = codes.get(params.code ?? "");
    // Codes are single-use, whatever the outcome.
    if (params.code) codes.delete(params.code);
    if (!grant || grant.clientId !== clientId || grant.expiresAt < Date.now()) {
      return refuse("bad_verification_code", "The code passed is incorrect or expired.");
    }
    if (params.redirect_uri && params.redirect_uri !== grant.redirectUri) {
      return refuse("redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL for this application.");
    }
    const accessToken = token("gho_");
    accessTokens.set(accessToken, grant);
    return answer({ access_token: accessToken, token_type: "bearer", scope: grant.scope });
  };

  const grantFor = (req: IncomingMessage) => {
    const match = req.headers.authorization?.match(/^(?:Bearer|token)\s+(\S+)$/i);
    return match ? accessTokens.get(match[1]) : undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    requests.push(`${req.method} ${url.pathname}`);
    if (req.method === "GET" && url.pathname === "/login/oauth/authorize") return authorize(url, res);
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") return exchange(req, res);
    if (req.method === "PUT" && url.pathname === "/__fake__/signed-in-user") {
      const body = await readBody(req);
      signedIn = body ? (JSON.parse(body) as FakeGitHubUser) : null;
      return send(res, 204, "", {});
    }
    if (req.method !== "GET" || (url.pathname !== "/user" && url.pathname !== "/user/emails")) {
      return json(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    }
    const grant = grantFor(req);
    if (!grant) return json(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
    const { user } = grant;
    if (url.pathname === "/user") {
      return json(res, 200, {
        login: user.login,
        id: user.id,
        node_id: `U_fake${user.id}`,
        avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
        html_url: `https://github.com/${user.login}`,
        type: "User",
        site_admin: false,
        name: user.name ?? null,
        email: user.emailPublic ? user.email : null,
      });
    }
    // GitHub needs the user:email (or user) scope for this list.
    if (!grant.scope.split(",").some((s) => s === "user:email" || s === "user")) return json(res, 404, { message: "Not Found" });
    return json(res, 200, [
      { email: user.email, primary: true, verified: user.emailVerified ?? true, visibility: user.emailPublic ? "public" : "private" },
    ]);
  };

  const server = await serveOnLoopback(handle, (res, error) => json(res, 500, { message: String(error) }));
  return {
    url: server.origin,
    requests,
    signInAs: (user) => {
      signedIn = user;
    },
    close: server.close,
  };
}
