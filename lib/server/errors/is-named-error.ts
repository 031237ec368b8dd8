import "server-only";

/**
 * Error classes are recognised by name (and a string `code` where they carry one), not by prototype: Next's bundler
 * can load a module more than once in one process (each route and the startup code get their own copy), and an
 * error thrown by one copy must still count as that error in another. Used by the classes' `Symbol.hasInstance`.
 */
export function isNamedError(value: unknown, name: string, options: { withCode?: boolean } = {}): boolean {
  if (!(value instanceof Error) || value.name !== name) return false;
  return !options.withCode || typeof (value as { code?: unknown }).code === "string";
}
