import "server-only";

/**
 * The app's working directory at run time (the standalone folder in production). A function on purpose: Next's
 * file tracer follows `path.join(process.cwd(), …)` and would copy the whole repository, data folder included,
 * into the build. Files needed at run time are listed in next.config.ts instead.
 */
export function appRoot(): string {
  return /* turbopackIgnore: true */ process.cwd();
}
