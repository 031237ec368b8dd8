#!/usr/bin/env node
// Runs the bundled CLI when built (fast), otherwise the TypeScript sources through tsx.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const bundled = fileURLToPath(new URL("../dist/catwalk.mjs", import.meta.url));
if (existsSync(bundled)) {
  await import(pathToFileURL(bundled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../cli/index.ts", import.meta.url).href);
}
