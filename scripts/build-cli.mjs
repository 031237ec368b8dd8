// Bundles the `catwalk` CLI and the standalone bridge into dist/ so they start fast with plain Node.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  absWorkingDir: root,
  sourcemap: "linked",
  logLevel: "warning",
  // Native/wasm-heavy or generated packages stay external and load from node_modules.
  packages: "external",
  alias: { "@": root, "server-only": `${root}test/support/empty-module.ts` },
  outExtension: { ".js": ".mjs" },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

await build({ ...shared, entryPoints: { catwalk: "cli/index.ts" }, outdir: "dist", splitting: true, chunkNames: "chunks/[name]-[hash]" });
// The bridge alone, for the MCP host image: it imports nothing of the web app.
await build({ ...shared, entryPoints: { host: "host/main.ts" }, outdir: "dist", packages: undefined });
