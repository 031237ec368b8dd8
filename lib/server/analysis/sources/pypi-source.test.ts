import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { create } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRepository } from "../analyze-repository";

/** PyPI's JSON API: one project with an sdist, one that publishes only wheels (description only). */
let server: Server;
let base: string;

beforeAll(async () => {
  const chunks: Buffer[] = [];
  const stream = create({ gzip: true, cwd: join(process.cwd(), "fixtures", "repos") }, ["python-notes"]);
  for await (const chunk of stream as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  const sdist = Buffer.concat(chunks);
  server = createServer((req, res) => {
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/pypi/mcp-server-notes/json") {
      return json({ info: { version: "0.3.1" }, urls: [{ packagetype: "sdist", filename: "mcp_server_notes-0.3.1.tar.gz", url: `${base}/files/notes.tar.gz` }] });
    }
    if (req.url === "/pypi/wheel-only-mcp/json") {
      return json({ info: { version: "2.0.0", description: "# wheel-only-mcp\n\nAn MCP server.\n\n```json\n{\"mcpServers\": {\"w\": {\"command\": \"uvx\", \"args\": [\"wheel-only-mcp\"], \"env\": {\"WHEEL_API_KEY\": \"<key>\"}}}}\n```\n" }, urls: [{ packagetype: "bdist_wheel", filename: "x.whl", url: `${base}/files/x.whl` }] });
    }
    if (req.url === "/files/notes.tar.gz") {
      res.writeHead(200, { "content-type": "application/gzip" });
      return res.end(sdist);
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("PyPI source", () => {
  it("reads the sdist and pins the version it read", async () => {
    const { spec } = await analyzeRepository("pypi:mcp-server-notes", { pypiUrl: base, allowPrivateNetwork: true });
    expect(spec).toMatchObject({ runtime: "python", command: "uvx", args: ["mcp-server-notes==0.3.1"] });
    expect(spec.env.map((e) => e.name)).toEqual(["NOTES_API_TOKEN", "NOTES_BASE_URL"]);
  });

  it("falls back to the project description when there is no sdist, and says so", async () => {
    const result = await analyzeRepository("https://pypi.org/project/wheel-only-mcp/", { pypiUrl: base, allowPrivateNetwork: true });
    expect(result.spec.package).toBe("wheel-only-mcp");
    expect(result.spec.env).toEqual([expect.objectContaining({ name: "WHEEL_API_KEY", required: true, secret: true })]);
    expect(result.warnings.join(" ")).toContain("only its description was read");
  });

  it("says when the project does not exist", async () => {
    await expect(analyzeRepository("pypi:nope-mcp", { pypiUrl: base, allowPrivateNetwork: true })).rejects.toMatchObject({ code: "not_found" });
  });
});
