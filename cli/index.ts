/**
 * `catwalk` — one command line for the self-hoster and for the MCP host image.
 * Each subcommand lives in cli/commands/<name>.ts and exports `run(argv: string[]): Promise<number>`.
 */
const commands: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }> = {
  analyze: { summary: "analyze <url|path|npm:pkg> [--json]   work out how to run an MCP server", load: () => import("./commands/analyze") },
  host: { summary: "host [--host H] [--port P] -- <cmd> [args…]   serve a stdio MCP server over Streamable HTTP", load: () => import("./commands/host") },
  users: { summary: "users create --email E --password P   create a user", load: () => import("./commands/users") },
  keys: { summary: "keys create --email E   create a personal API key (printed once)", load: () => import("./commands/keys") },
  secrets: { summary: "secrets rotate   re-encrypt every credential under the newest key", load: () => import("./commands/secrets") },
  db: { summary: "db migrate   apply pending database migrations", load: () => import("./commands/db") },
};

function usage(): string {
  return ["usage: catwalk <command> [options]", "", ...Object.values(commands).map((c) => `  catwalk ${c.summary}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`catwalk: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`catwalk: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
