// Starts the production build (Next's standalone output) the way the Docker image does.
// Resolves the data folder before the server changes into its own directory, and copies the static assets that
// `next build` leaves outside the standalone folder.
import { cpSync, existsSync } from "node:fs";
import { resolve } from "node:path";

const root = process.cwd();
const standalone = resolve(root, ".next/standalone");
if (!existsSync(resolve(standalone, "server.js"))) {
  console.error("No production build found. Run `npm run build` first (or `npm run up`, which does everything).");
  process.exit(1);
}
if (existsSync(resolve(root, ".next/static")) && !existsSync(resolve(standalone, ".next/static"))) {
  cpSync(resolve(root, ".next/static"), resolve(standalone, ".next/static"), { recursive: true });
}
if (existsSync(resolve(root, "public")) && !existsSync(resolve(standalone, "public"))) {
  cpSync(resolve(root, "public"), resolve(standalone, "public"), { recursive: true });
}
process.env.CATWALK_DATA_DIR = resolve(root, process.env.CATWALK_DATA_DIR || "data");
// Next reads HOSTNAME, which shells and containers set to the machine name: bind where CATWALK_HOST says instead.
process.env.HOSTNAME = process.env.CATWALK_HOST || "127.0.0.1";
process.env.PORT ??= "3000";
process.env.NEXT_TELEMETRY_DISABLED = "1";
await import("./mcp-fast-path-hook.mjs");
await import(resolve(standalone, "server.js"));
