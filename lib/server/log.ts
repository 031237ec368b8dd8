import "server-only";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// Read directly (not through env.ts) so logging works even while reporting a configuration error.
const threshold = order[(process.env.LOG_LEVEL as Level) ?? "info"] ?? order.info;

function serialize(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (order[level] < threshold) return;
  const entry = { at: new Date().toISOString(), level, message, ...Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, serialize(v)])) };
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(JSON.stringify(entry) + "\n");
}

/** Structured one-line JSON logs. Callers never pass secret values; runtime output is redacted before it gets here. */
export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
