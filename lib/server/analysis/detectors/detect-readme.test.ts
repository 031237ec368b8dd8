import { describe, expect, it } from "vitest";
import { detectReadmeConfig } from "./detect-readme-config";
import { detectReadmeEnv } from "./detect-readme-env";

const files = (readme: string) => new Map([["README.md", readme]]);
const context = { packageNames: ["@acme/notes-mcp"], repoName: "notes-mcp" };

describe("README client configuration", () => {
  it("reads VS Code `servers`, JSONC comments and trailing commas", () => {
    const found = detectReadmeConfig(
      files('```jsonc\n{\n  "servers": {\n    // notes\n    "notes": { "type": "stdio", "command": "npx", "args": ["-y", "@acme/notes-mcp@latest",], "env": { "NOTES_TOKEN": "${input:token}" } },\n  }\n}\n```'),
      context,
    );
    expect(found.launches?.[0]).toMatchObject({ runtime: "npm", package: "@acme/notes-mcp", version: undefined });
    expect(found.env?.[0]).toMatchObject({ name: "NOTES_TOKEN", required: true });
  });

  it("reads `claude mcp add … -- npx …` and docker one-liners", () => {
    const found = detectReadmeConfig(
      files("```bash\nclaude mcp add notes -e NOTES_TOKEN=xxx -- npx -y @acme/notes-mcp\ndocker run -i --rm -e NOTES_TOKEN \\\n  ghcr.io/acme/notes-mcp:1.2\n```"),
      context,
    );
    expect(found.launches?.map((l) => `${l.runtime}:${l.package}`)).toEqual(["npm:@acme/notes-mcp", "oci:ghcr.io/acme/notes-mcp"]);
    expect(found.env?.map((e) => e.name)).toEqual(["NOTES_TOKEN", "NOTES_TOKEN"]);
  });

  it("ignores other servers in the same config block and user-specific args become args_required", () => {
    const found = detectReadmeConfig(
      files('```json\n{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@other/fs", "/Users/me"]}, "notes": {"command": "npx", "args": ["-y", "@acme/notes-mcp", "--vault", "/path/to/vault", "--read-only"]}}}\n```'),
      context,
    );
    expect(found.launches).toHaveLength(1);
    expect(found.launches?.[0].extraArgs).toEqual(["--read-only"]);
    expect(found.args?.map((a) => a.name)).toEqual(["--vault"]);
  });
});

describe("README env documentation", () => {
  it("reads tables with required/default columns and skips development sections", () => {
    const found = detectReadmeEnv(
      files("## Configuration\n\n| Env var | Required | Default | Description |\n|--|--|--|--|\n| `NOTES_TOKEN` | ✅ | | token |\n| `NOTES_LIMIT` | ❌ | `20` | page size |\n\n## Development\n\n- `NOTES_TEST_TOKEN`: for the test suite\n"),
    );
    expect(found.env?.map((e) => [e.name, e.required, e.default])).toEqual([
      ["NOTES_TOKEN", true, undefined],
      ["NOTES_LIMIT", false, "20"],
    ]);
  });

  it("turns Option 1 / Option 2 headings into either/or groups", () => {
    const found = detectReadmeEnv(files("## Authentication\n### Option 1: Personal token\n- `NOTES_TOKEN`\n### Option 2: OAuth app\n- `NOTES_CLIENT_ID`\n- `NOTES_CLIENT_SECRET`\n"));
    expect(found.env?.map((e) => [e.name, e.group])).toEqual([
      ["NOTES_TOKEN", "personal-token"],
      ["NOTES_CLIENT_ID", "oauth-app"],
      ["NOTES_CLIENT_SECRET", "oauth-app"],
    ]);
  });
});
