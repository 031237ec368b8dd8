/**
 * Ready-to-paste configuration for the MCP clients people use, all pointing at one Catwalk endpoint with a bearer
 * token. Pure, so the snippets are easy to test and the panel only renders them.
 */
export type ClientConfig = { id: string; label: string; where: string; text: string; note?: string };

export const TOKEN_PLACEHOLDER = "<your token>";

export function serverKey(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/^@[^/]+\//, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "catwalk"
  );
}

export function buildClientConfigs(options: { name: string; url: string; token: string | null }): ClientConfig[] {
  const key = serverKey(options.name);
  const token = options.token ?? TOKEN_PLACEHOLDER;
  const bearer = `Bearer ${token}`;
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    {
      id: "claude-desktop",
      label: "Claude Desktop",
      where: "Settings → Developer → Edit Config (claude_desktop_config.json)",
      // mcp-remote bridges Claude Desktop's stdio config to a remote server. It expands ${AUTH_HEADER} from `env`
      // itself; keeping the space of "Bearer …" out of args avoids Claude Desktop's argument quoting bug on Windows.
      text: json({
        mcpServers: {
          [key]: {
            command: "npx",
            args: ["-y", "mcp-remote", options.url, "--header", "Authorization:${AUTH_HEADER}"],
            env: { AUTH_HEADER: bearer },
          },
        },
      }),
      note: "Restart Claude Desktop after saving. Needs Node.js for npx.",
    },
    {
      id: "claude-code",
      label: "Claude Code",
      where: "Run in a terminal",
      text: `claude mcp add --transport http ${key} ${options.url} --header "Authorization: ${bearer}"`,
    },
    {
      id: "cursor",
      label: "Cursor",
      where: "~/.cursor/mcp.json (or .cursor/mcp.json in a project)",
      text: json({ mcpServers: { [key]: { url: options.url, headers: { Authorization: bearer } } } }),
    },
    {
      id: "vscode",
      label: "VS Code",
      where: ".vscode/mcp.json in your workspace",
      text: json({ servers: { [key]: { type: "http", url: options.url, headers: { Authorization: bearer } } } }),
    },
    {
      id: "inspector",
      label: "MCP Inspector",
      where: "Run, then fill in the Inspector's connection panel",
      text: [
        "npx @modelcontextprotocol/inspector",
        "",
        "# In the Inspector:",
        "#   Transport Type:  Streamable HTTP",
        `#   URL:             ${options.url}`,
        "#   Authentication → Header Name:    Authorization",
        `#   Authentication → Bearer Token:   ${token}`,
      ].join("\n"),
    },
  ];
}
