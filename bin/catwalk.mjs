#!/usr/bin/env node
// Runs the bundled CLI, bundling it first (≈ 1 s, esbuild) when this checkout has not built it yet.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const bundled = fileURLToPath(new URL("../dist/catwalk.mjs", import.meta.url));
if (!existsSync(bundled)) {
  execFileSync(process.execPath, [fileURLToPath(new URL("../scripts/build-cli.mjs", import.meta.url))], { stdio: "inherit" });
}
await import(pathToFileURL(bundled).href);
