import type { FullConfig } from "@playwright/test";
import { createServer, request } from "node:http";
import { fileURLToPath } from "node:url";
import { startFakeGitHub } from "../../test/fakes/github-api-server";
import { startFakeGitHubOAuth } from "../../test/fakes/github-oauth-server";

/**
 * Starts local servers speaking the GitHub contents API over e2e/fixtures and GitHub's OAuth flow, behind one
 * forwarder on a FIXED port so the web server's env (GITHUB_API_URL and GITHUB_OAUTH_URL = http://127.0.0.1:3211, set
 * in playwright.config.ts) can name it before this runs. The fakes listen on random ports; the forwarder passes each
 * request through unchanged to the one that owns its path.
 */
export const FAKE_GITHUB_PORT = Number(process.env.E2E_FAKE_GITHUB_PORT ?? 3211);
export const FAKE_GITHUB_URL = `http://127.0.0.1:${FAKE_GITHUB_PORT}`;

/** Paths GitHub's OAuth flow and sign-in's profile calls use (and the OAuth fake's own control route). */
const isOAuthPath = (path: string) => /^\/(login\/oauth\/|user(\/emails)?(\?|$)|__fake__\/)/.test(path);

export default async function globalSetup(config: FullConfig) {
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const fake = await startFakeGitHub({
    repos: {
      "acme/everything-server": here("../fixtures/everything-server"),
      // Analysis fixtures whose specs exercise the credential form's other shapes.
      "acme/wiki-mcp": here("../../fixtures/repos/either-or-auth"),
      "acme/crm-mcp": here("../../fixtures/repos/smithery-crm"),
      "acme/files-mcp": here("../../fixtures/repos/cli-args-files"),
    },
  });
  // The OAuth app's credentials are the ones the web server is started with, so they are written down once.
  const serverEnv = config.webServer?.env ?? {};
  const oauth = await startFakeGitHubOAuth({ clientId: serverEnv.GITHUB_CLIENT_ID ?? "", clientSecret: serverEnv.GITHUB_CLIENT_SECRET ?? "" });
  const contentsTarget = new URL(fake.url);
  const oauthTarget = new URL(oauth.url);
  const forwarder = createServer((req, res) => {
    const target = isOAuthPath(req.url ?? "/") ? oauthTarget : contentsTarget;
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((done, fail) => {
    forwarder.once("error", fail);
    forwarder.listen(FAKE_GITHUB_PORT, "127.0.0.1", () => done());
  });
  return async () => {
    await new Promise<void>((done) => forwarder.close(() => done()));
    await fake.close();
    await oauth.close();
  };
}
