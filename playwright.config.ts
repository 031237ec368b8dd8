import { defineConfig, devices } from "@playwright/test";

// The app under test is the production build, started by scripts/test.sh's environment (DATABASE_URL of a fresh
// database). Chromium is Debian's, never a downloaded one.
const port = Number(process.env.E2E_PORT ?? 3210);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--disable-component-update", "--no-first-run"],
    },
  },
  // A local GitHub API over e2e/fixtures on a fixed port (the web server's GITHUB_API_URL below).
  globalSetup: "./e2e/support/global-setup.ts",
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 860 } } },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      CATWALK_DATA_DIR: process.env.E2E_DATA_DIR ?? "test-results/e2e-data",
      // Both GitHub fakes answer here (e2e/support/global-setup.ts, same port variable); the OAuth one checks these
      // client credentials.
      GITHUB_API_URL: `http://127.0.0.1:${process.env.E2E_FAKE_GITHUB_PORT ?? 3211}`,
      GITHUB_OAUTH_URL: `http://127.0.0.1:${process.env.E2E_FAKE_GITHUB_PORT ?? 3211}`,
      GITHUB_CLIENT_ID: "catwalk-e2e-client",
      GITHUB_CLIENT_SECRET: "catwalk-e2e-secret",
      CATWALK_ALLOW_PRIVATE_NETWORK_SOURCES: "true",
    },
    stdout: "pipe",
  },
});
