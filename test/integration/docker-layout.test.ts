/**
 * The web image without Docker: rebuilds the runtime stage's file layout from the Dockerfile's own COPY lines, using
 * this checkout's build output, then runs the release command and the CMD from it. A COPY the Dockerfile forgets
 * (or a path it gets wrong) shows up here as a missing file, a failed migration or an unhealthy server.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, posix, relative } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/start-app";

const repo = process.cwd();
const built = existsSync(join(repo, ".next/standalone/server.js"));
const title = built
  ? "the Dockerfile's runtime stage, assembled from this build"
  : "the Dockerfile's runtime stage (SKIPPED: no .next/standalone/server.js; run `npm run build` first)";

type Copy = { from?: string; sources: string[]; dest: string; workdir: string };
type Stage = { name: string; workdir: string; runs: string[]; copies: Copy[]; env: Record<string, string>; cmd?: string[]; entrypoint?: string[] };

/** Just enough of the Dockerfile grammar for this file: FROM, WORKDIR, RUN, COPY, ENV key=value, exec-form CMD. */
function parseDockerfile(text: string): Stage[] {
  const instructions = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of instructions) {
    const [keyword, ...restWords] = line.split(/\s+/);
    const rest = line.slice(keyword.length).trim();
    const stage = stages.at(-1);
    if (keyword === "FROM") {
      stages.push({ name: restWords[2] ?? String(stages.length), workdir: "/", runs: [], copies: [], env: {} });
    } else if (!stage) {
      continue; // ARG before the first FROM
    } else if (keyword === "WORKDIR") {
      stage.workdir = posix.resolve(stage.workdir, rest);
    } else if (keyword === "RUN") {
      stage.runs.push(rest);
    } else if (keyword === "ENV") {
      for (const m of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[m[1]] = m[2].replace(/^"|"$/g, "");
    } else if (keyword === "COPY") {
      const flags = restWords.filter((w) => w.startsWith("--"));
      const paths = restWords.filter((w) => !w.startsWith("--"));
      const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
      stage.copies.push({ from, sources: paths.slice(0, -1), dest: paths.at(-1) ?? "", workdir: stage.workdir });
    } else if (keyword === "CMD" || keyword === "ENTRYPOINT") {
      // Exec form only: JSON.parse throws on shell form, which is what this project forbids.
      stage[keyword === "CMD" ? "cmd" : "entrypoint"] = JSON.parse(rest) as string[];
    }
  }
  return stages;
}

const dockerfileText = readFileSync(join(repo, "Dockerfile"), "utf8");
const stages = parseDockerfile(dockerfileText);
const runtime = stages.at(-1)!;
const lock = JSON.parse(readFileSync(join(repo, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };

/** Where a COPY source lives in this checkout. Every build-stage WORKDIR mirrors the repository root. */
function localSource(copy: Copy, source: string): { path: string; skip: string[]; createdByRun: boolean } {
  const stage = copy.from ? stages.find((s) => s.name === copy.from) : undefined;
  if (copy.from && !stage) throw new Error(`COPY --from=${copy.from}: no such stage`);
  const rel = stage ? posix.relative(stage.workdir, posix.resolve(stage.workdir, source)) : source;
  const runs = stage?.runs.join(" && ") ?? "";
  // Paths the source stage deletes after building (rm -rf a/b) are left out, as they are in the image.
  const skip = [...runs.matchAll(/rm -rf ((?:[^&;]\S*\s*)+)/g)].flatMap((m) => m[1].trim().split(/\s+/)).map((p) => posix.relative(rel, p)).filter((p) => p && !p.startsWith(".."));
  return { path: join(repo, rel), skip, createdByRun: new RegExp(`mkdir -p (\\S+ )*${rel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( |$)`).test(runs) };
}

function assemble(into: string): void {
  for (const copy of runtime.copies) {
    for (const source of copy.sources) {
      const target = join(into, relative("/app", posix.resolve(copy.workdir, copy.dest)));
      const { path, skip, createdByRun } = localSource(copy, source);
      mkdirSync(dirname(target), { recursive: true });
      if (!existsSync(path)) {
        if (createdByRun) mkdirSync(target, { recursive: true });
        else throw new Error(`COPY ${copy.from ? `--from=${copy.from} ` : ""}${source}: ${relative(repo, path)} does not exist in this build`);
      } else if (source.endsWith("node_modules")) {
        // Hundreds of MB: a link resolves the same; which packages the image has is checked against the lockfile.
        rmSync(target, { recursive: true, force: true });
        symlinkSync(path, target);
      } else {
        cpSync(path, target, { recursive: true, filter: (p) => !skip.some((s) => isInside(p, join(path, s))) });
      }
    }
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** The bare package names a bundled file imports (node: built-ins excluded). */
function bareImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  // esbuild writes static imports one per line; dynamic ones are import("x") with a literal.
  const statics = [...text.matchAll(/^(?:import|export)\b[^;"]*?(?:from\s*)?"([^"]+)";?$/gm)].map((m) => m[1]);
  const dynamics = [...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]);
  const names = [...statics, ...dynamics].filter((n) => !n.startsWith(".") && !n.startsWith("node:"));
  return names.map((n) => (n.startsWith("@") ? n.split("/").slice(0, 2).join("/") : n.split("/")[0]));
}

const inProductionInstall = (name: string): boolean => {
  const entry = lock.packages[`node_modules/${name}`];
  return entry !== undefined && entry.dev !== true;
};

describe.skipIf(!built)(title, () => {
  const root = built ? mkdtempSync(join(tmpdir(), "catwalk-image-")) : "";
  const app = join(root, "app");
  const dataDir = join(root, "data");
  const server = new URL(process.env.TEST_DATABASE_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const dbName = `catwalk_image_${Date.now()}_${process.pid}`;
  const databaseUrl = Object.assign(new URL(server.toString()), { pathname: `/${dbName}`, search: "?sslmode=disable" }).toString();
  // The image's ENV, with the addresses and folders a test on this machine must use instead.
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, NODE_ENV: "production", ...runtime.env, HOME: root, CATWALK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, CATWALK_HOST: "127.0.0.1", HOSTNAME: "127.0.0.1" });

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    assemble(app);
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
  });

  afterAll(async () => {
    if (!root) return;
    rmSync(root, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

  it("is a Dockerfile the container can start: LF only, exec-form CMD, a non-root user", () => {
    expect(dockerfileText.includes("\r")).toBe(false);
    expect(runtime.cmd?.length).toBeGreaterThan(0);
    expect(dockerfileText).toMatch(/^USER (?!root)\S+/m);
  });

  it("holds every file the server and the CLI read from their working directory", () => {
    for (const path of ["server.js", "dist/catwalk.mjs", "dist/host.mjs", "lib/server/runtime/sandbox-launch.mjs", ".next/static", "public", "node_modules/pg"]) {
      expect(existsSync(join(app, path)), `${path} is missing from the image`).toBe(true);
    }
    expect(readdirSync(join(app, "prisma/migrations")).filter((d) => statSync(join(app, "prisma/migrations", d)).isDirectory()).length).toBeGreaterThan(0);
    // The dist chunks dist/catwalk.mjs loads lazily (db, users, keys…) must have come along too.
    for (const chunk of readdirSync(join(repo, "dist/chunks"))) expect(existsSync(join(app, "dist/chunks", chunk))).toBe(true);
  });

  it("installs, with --omit=dev, every package the CLI bundle and the traced server load", () => {
    const files = [join(app, "dist/catwalk.mjs"), ...readdirSync(join(app, "dist/chunks")).filter((f) => f.endsWith(".mjs")).map((f) => join(app, "dist/chunks", f))];
    const cliPackages = [...new Set(files.flatMap(bareImports))];
    expect(cliPackages).toContain("pg");
    expect(cliPackages.filter((n) => !inProductionInstall(n))).toEqual([]);
    const traced = readdirSync(join(repo, ".next/standalone/node_modules")).flatMap((n) => (n.startsWith("@") ? readdirSync(join(repo, ".next/standalone/node_modules", n)).map((s) => `${n}/${s}`) : [n]));
    expect(traced.filter((n) => !inProductionInstall(n))).toEqual([]);
  });

  it("runs the release command (fly.toml) against a fresh Postgres, twice", () => {
    const release = /release_command\s*=\s*"([^"]+)"/.exec(readFileSync(join(repo, "fly.toml"), "utf8"))?.[1];
    expect(release).toBe("node dist/catwalk.mjs db migrate");
    const argv = release!.split(" ");
    const run = () => spawnSync(process.execPath, argv.slice(1), { cwd: app, env: env(), encoding: "utf8", timeout: 60_000 });
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^applied \S+/);
    expect(run().stdout).toMatch(/is up to date/);
  }, 120_000);

  it("starts the CMD, reports a healthy database and serves the static assets", async () => {
    const port = await freePort();
    const [command, ...args] = runtime.cmd!;
    const child = spawn(command === "node" ? process.execPath : command, args, { cwd: app, env: { ...env(), PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    try {
      const base = `http://127.0.0.1:${port}`;
      let health: Response | undefined;
      for (const deadline = Date.now() + 60_000; Date.now() < deadline && child.exitCode === null; await new Promise((r) => setTimeout(r, 200))) {
        health = await fetch(`${base}/api/health`).catch(() => undefined);
        if (health) break;
      }
      expect(health?.status, output).toBe(200);
      expect(await health!.json()).toMatchObject({ status: "ok", database: { ok: true, kind: "postgresql" } });
      const page = await (await fetch(`${base}/signin`)).text();
      const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(page)?.[0];
      expect(asset, "the sign-in page links no static asset").toBeDefined();
      expect((await fetch(`${base}${asset}`)).status).toBe(200);
    } finally {
      child.kill("SIGTERM");
      if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
    }
  }, 120_000);
});
