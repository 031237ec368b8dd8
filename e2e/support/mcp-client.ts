import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** Calls one tool through a Catwalk endpoint the way a real client does: the official SDK over Streamable HTTP. */
export async function callTool(options: { url: string; token: string; tool: string; args: Record<string, unknown> }) {
  const client = new Client({ name: "catwalk-e2e", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(options.url), {
    requestInit: { headers: { Authorization: `Bearer ${options.token}` } },
  });
  await client.connect(transport);
  try {
    const tools = await client.listTools();
    const result = await client.callTool({ name: options.tool, arguments: options.args });
    return { toolNames: tools.tools.map((t) => t.name), result };
  } finally {
    await client.close();
  }
}
