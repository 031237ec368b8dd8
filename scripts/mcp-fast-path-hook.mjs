// Loaded before Next's standalone server (`node --import ./scripts/mcp-fast-path-hook.mjs server.js`, or by
// scripts/start.mjs): MCP calls skip Next's router. The server's own startup code (lib/server/mcp/node-fast-path.ts)
// registers a handler for /api/mcp/{id} that runs the same code as the route; every HTTP server created in this
// process asks it first and hands everything else to Next.
import http from "node:http";

const createServer = http.createServer;
http.createServer = function (...args) {
  const index = args.findIndex((arg) => typeof arg === "function");
  if (index !== -1) {
    const next = args[index];
    args[index] = (req, res) => (globalThis.__catwalkMcpFastPath?.(req, res) ? undefined : next(req, res));
  }
  return createServer.apply(this, args);
};
