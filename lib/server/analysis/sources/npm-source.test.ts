import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { create } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRepository } from "../analyze-repository";
import { AnalysisError } from "../analysis-error";

/** A registry speaking npm's packument + tarball format, serving one fixture as @acme/weather-mcp 1.4.2 and 1.5.0. */
let server: Server;
let registry: string;
let tarball: Buffer;

beforeAll(async () => {
  const chunks: Buffer[] = [];
  const stream = create({ gzip: true, cwd: join(process.cwd(), "fixtures", "repos"), prefix: "" }, ["npm-weather"]);
  for await (const chunk of stream as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  tarball = Buffer.concat(chunks);
  server = createServer((req, res) => {
    const url = req.url ?? "";
    if (url === "/@acme%2fweather-mcp") {
      const dist = (v: string) => ({ dist: { tarball: `${registry}/tarballs/weather-${v}.tgz` }, gitHead: "abc123" });
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ name: "@acme/weather-mcp", "dist-tags": { latest: "1.5.0" }, versions: { "1.4.2": dist("1.4.2"), "1.5.0": dist("1.5.0") } }));
    }
    if (url.startsWith("/tarballs/")) {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(tarball.length) });
      return res.end(tarball);
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "Not found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options = () => ({ npmRegistryUrl: registry, allowPrivateNetwork: true });

describe("npm source (registry metadata + tarball)", () => {
  it("pins the exact version it read, from a dist-tag or an explicit version", async () => {
    const latest = await analyzeRepository("npm:@acme/weather-mcp", options());
    expect(latest.spec.version).toBe("1.5.0");
    expect(latest.spec.args).toEqual(["-y", "@acme/weather-mcp@1.5.0"]);
    expect(latest.spec.env.find((e) => e.name === "WEATHER_API_KEY")?.required).toBe(true);
    const pinned = await analyzeRepository("npm:@acme/weather-mcp@1.4.2", options());
    expect(pinned.spec.args).toEqual(["-y", "@acme/weather-mcp@1.4.2"]);
    expect(pinned.spec.repository.url).toBe("npm:@acme/weather-mcp@1.4.2");
  });

  it("accepts an npmjs.com package page URL", async () => {
    const result = await analyzeRepository("https://www.npmjs.com/package/@acme/weather-mcp", options());
    expect(result.spec.package).toBe("@acme/weather-mcp");
  });

  it("says when the package or the version does not exist", async () => {
    const missing = await analyzeRepository("npm:@acme/nope", options()).catch((e: unknown) => e as AnalysisError);
    expect(missing).toMatchObject({ code: "not_found" });
    const badVersion = await analyzeRepository("npm:@acme/weather-mcp@9.9.9", options()).catch((e: unknown) => e as AnalysisError);
    expect(badVersion).toMatchObject({ code: "not_found" });
    expect((badVersion as AnalysisError).message).toContain('no version "9.9.9"');
  });

  it("refuses a tarball bigger than the byte limit instead of buffering it", async () => {
    const error = await analyzeRepository("npm:@acme/weather-mcp", { ...options(), maxBytes: 200 }).catch((e: unknown) => e as AnalysisError);
    expect(error).toMatchObject({ code: "too_large" });
    expect((error as AnalysisError).message).toContain("ANALYSIS_MAX_BYTES");
  });
});
