// ESLint flat config: Next's recommended rules (Core Web Vitals, React, hooks, a11y, import) plus typescript-eslint's
// recommended set, as eslint-config-next ships them for ESLint 9+.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  // Built, generated, installed or recorded files: nobody edits them, so nothing to report about them.
  globalIgnores([
    "node_modules/**",
    ".next/**",
    "dist/**",
    "data/**",
    "cache/**",
    "fixtures/**",
    "e2e/fixtures/**",
    "lib/server/db/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
