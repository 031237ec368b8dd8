import { createServer, request } from "node:http";
import { fileURLToPath } from "node:url";
import { startFakeGitHub } from "../../test/fakes/github-api-server";

/**
 * Starts a local server speaking the GitHub contents API over e2e/fixtures, on a FIXED port so the web server's env
 * (GITHUB_API_URL=http://127.0.0.1:3211, set in playwright.config.ts) can name it before this runs. The fake listens
 * on a random port; a small forwarder on the fixed port passes requests through unchanged.
 */
export const FAKE_GITHUB_PORT = Number(process.env.E2E_FAKE_GITHUB_PORT ?? 3211);

export default async function globalSetup() {
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
  const target = new URL(fake.url);
  const forwarder = createServer((req, res) => {
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
  };
}
