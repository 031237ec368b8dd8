import { parseArgs } from "node:util";

/** `--name value` flags for admin commands; unknown flags are an error, not silently ignored. */
export function parseFlags<const Names extends string>(argv: string[], names: readonly Names[]): { flags: Partial<Record<Names, string>>; positionals: string[] } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
    allowPositionals: true,
    strict: true,
  });
  return { flags: values as Partial<Record<Names, string>>, positionals };
}
