import { expect, test } from "@playwright/test";
import { AuthPages, uniqueEmail } from "./pages/auth-pages";
import { DashboardPages } from "./pages/dashboard-pages";
import { callTool } from "./support/mcp-client";
import { screenshotBoth } from "./support/screenshots";

// The whole product in one pass: a repository URL becomes a running MCP endpoint that the official SDK can call.
// GitHub is the local fake started in e2e/support/global-setup.ts; the MCP server is the real server-everything
// from npm, run by the local runner.
test.setTimeout(240_000);

test("paste a repository, fill its credentials, deploy, and call a tool through the endpoint", async ({ page }) => {
  const auth = new AuthPages(page);
  const dashboard = new DashboardPages(page);
  const secret = `e2e-secret-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

  await auth.signUp(uniqueEmail("journey"), "a long enough password");
  await expect(page.getByTestId("deployments-empty")).toBeVisible();
  await screenshotBoth(page, "01-home-empty");

  await dashboard.analyze("https://github.com/acme/everything-server");
  await dashboard.expectAnalysisPage();
  const analysisUrl = page.url();
  await expect(page.getByTestId("finding-package")).toHaveText("@modelcontextprotocol/server-everything");
  await expect(page.getByTestId("finding-command")).toContainText("npx -y @modelcontextprotocol/server-everything");
  // The generated fields: the required secret is masked, the optional setting carries its default.
  await expect(dashboard.envInput("EVERYTHING_API_TOKEN")).toHaveAttribute("type", "password");
  await expect(dashboard.envInput("EVERYTHING_LOG_LEVEL")).toHaveValue("info");
  await screenshotBoth(page, "02-analysis");

  await dashboard.deploy();
  await expect(dashboard.envError("EVERYTHING_API_TOKEN")).toHaveText("Required");
  await expect(dashboard.envInput("EVERYTHING_API_TOKEN")).toBeFocused();
  await expect(page).toHaveURL(analysisUrl);
  await screenshotBoth(page, "03-analysis-required-error");

  await dashboard.envInput("EVERYTHING_API_TOKEN").fill(secret);
  await page.getByRole("button", { name: "Show EVERYTHING_API_TOKEN" }).click();
  await expect(dashboard.envInput("EVERYTHING_API_TOKEN")).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Hide EVERYTHING_API_TOKEN" }).click();
  await expect(dashboard.envError("EVERYTHING_API_TOKEN")).toHaveCount(0);
  await dashboard.deploy();

  await dashboard.expectDeploymentPage();
  await expect(page.getByTestId("new-token")).toBeVisible();
  await screenshotBoth(page, "04-deployment-starting");
  // The first run installs the package from npm before the bridge's MCP initialize can succeed.
  await dashboard.waitForStatus("running", 120_000);
  const endpoint = await dashboard.endpointUrl();
  const token = await dashboard.freshToken();
  expect(endpoint).toMatch(/^http:\/\/[^/]+\/api\/mcp\/[^/]+$/);
  expect(token.length).toBeGreaterThan(20);
  await expect(page.getByTestId("client-config")).toContainText(endpoint);
  await expect(page.getByTestId("client-config")).toContainText(token);
  await screenshotBoth(page, "05-deployment-running");

  const { toolNames, result } = await callTool({ url: endpoint, token, tool: "echo", args: { message: "hello through catwalk" } });
  expect(toolNames).toContain("echo");
  expect(JSON.stringify(result.content)).toContain("hello through catwalk");

  expect(await page.content()).not.toContain(secret);
  // Reloaded, the page has forgotten the token (shown once) and shows the call in the usage table.
  await page.reload();
  await dashboard.waitForStatus("running");
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.getByTestId("client-config")).toContainText("<your token>");
  await expect(page.getByTestId("usage-table")).toContainText("echo", { timeout: 30_000 });
  await expect(page.getByTestId("stored-values")).toContainText("EVERYTHING_API_TOKEN");
  const deploymentHtml = await page.content();
  expect(deploymentHtml).not.toContain(secret);
  expect(deploymentHtml).not.toContain(token);
  await screenshotBoth(page, "06-deployment-used");

  // A second token for another client: shown once, listed by prefix, revocable.
  await page.getByLabel("New token name").fill("second client");
  await page.getByTestId("create-token").click();
  await expect(page.getByTestId("new-token-value")).toHaveText(/\S{20,}/);
  expect(await dashboard.freshToken()).not.toBe(token);
  await expect(page.getByTestId("token-list")).toContainText("second client");
  await page.getByRole("button", { name: "Revoke token second client" }).click();
  await expect(page.getByTestId("token-list")).toContainText("revoked");

  // Editing shows which values are stored, never the values; empty keeps them; saving restarts the server.
  await page.getByTestId("action-edit").click();
  await expect(page.getByTestId("stored-EVERYTHING_API_TOKEN")).toContainText("A value is stored");
  await expect(dashboard.envInput("EVERYTHING_API_TOKEN")).toHaveValue("");
  await dashboard.envInput("EVERYTHING_LOG_LEVEL").fill("debug");
  await screenshotBoth(page, "07-deployment-edit");
  await page.getByTestId("edit-credentials-form-submit").click();
  await expect(page.getByTestId("edit-credentials-form")).toHaveCount(0);
  await dashboard.waitForStatus("running", 60_000);
  const again = await callTool({ url: endpoint, token, tool: "echo", args: { message: "still here" } });
  expect(JSON.stringify(again.result.content)).toContain("still here");

  await page.goto(analysisUrl);
  await expect(page.getByTestId("credential-form")).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  await page.goto("/");
  await expect(page.getByTestId("deployment-row")).toHaveCount(1);
  await expect(page.getByTestId("deployment-row").getByText("Running")).toBeVisible();
  await screenshotBoth(page, "08-home-list");

  await page.getByTestId("deployment-row").getByRole("link").click();
  await dashboard.expectDeploymentPage();
  await page.getByTestId("action-delete").click();
  await expect(page.getByTestId("delete-dialog")).toBeVisible();
  await screenshotBoth(page, "09-delete-confirm");
  await page.getByTestId("confirm-delete").click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("deployments-empty")).toBeVisible();
});
