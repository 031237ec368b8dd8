import { expect, test } from "@playwright/test";
import { AuthPages, uniqueEmail } from "./pages/auth-pages";
import { DashboardPages } from "./pages/dashboard-pages";
import { screenshotBoth } from "./support/screenshots";

// The credential form is generated from each analysis: these repositories (served by the fake GitHub) document
// either/or credentials, choices and numbers, and a required CLI argument.
test("the credential form follows the spec: either/or credentials, choices, numbers, required arguments", async ({ page }) => {
  const dashboard = new DashboardPages(page);
  await new AuthPages(page).signUp(uniqueEmail("form"), "a long enough password");

  // A repository that does not exist: the message says so on the field, and the person stays on the page.
  await dashboard.analyze("https://github.com/acme/no-such-repo");
  await expect(page.getByTestId("error-source")).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  await dashboard.analyze("https://github.com/acme/wiki-mcp");
  await dashboard.expectAnalysisPage();
  await expect(page.getByTestId("credential-groups")).toBeVisible();
  await expect(dashboard.envInput("WIKI_API_KEY")).toBeVisible();
  await expect(dashboard.envInput("WIKI_USERNAME")).toHaveCount(0);
  await dashboard.envInput("WIKI_API_KEY").fill("typed then abandoned");
  await page.getByRole("radio", { name: /username password/i }).check();
  await expect(dashboard.envInput("WIKI_API_KEY")).toHaveCount(0);
  await dashboard.deploy();
  await expect(dashboard.envError("WIKI_BASE_URL")).toHaveText("Required");
  await expect(dashboard.envError("WIKI_USERNAME")).toHaveText("Required");
  await expect(dashboard.envError("WIKI_PASSWORD")).toHaveText("Required");
  await expect(dashboard.envInput("WIKI_PASSWORD")).toHaveAttribute("type", "password");
  await screenshotBoth(page, "10-form-either-or");
  // Back on the API key alternative, the abandoned value was cleared rather than sent along unseen.
  await page.getByRole("radio", { name: /api key/i }).check();
  await expect(dashboard.envInput("WIKI_API_KEY")).toHaveValue("");

  await dashboard.analyze("https://github.com/acme/crm-mcp");
  await dashboard.expectAnalysisPage();
  await expect(dashboard.envInput("CRM_REGION")).toHaveValue("us");
  await expect(dashboard.envInput("CRM_REGION").locator("option")).toHaveText(["Default (us)", "us", "eu", "ap"]);
  await expect(dashboard.envInput("CRM_MAX_RESULTS")).toHaveAttribute("type", "number");
  await expect(dashboard.envInput("CRM_MAX_RESULTS")).toHaveValue("50");
  const form = page.getByTestId("credential-form");
  await form.getByText("Why this field?").first().click();
  await expect(form.getByText(/smithery\.yaml/).first()).toBeVisible();

  await dashboard.analyze("https://github.com/acme/files-mcp");
  await dashboard.expectAnalysisPage();
  await expect(page.getByTestId("required-args")).toContainText("directory");
  await page.getByTestId("add-variable").click();
  await page.getByLabel("Name of variable 1", { exact: true }).fill("9BAD");
  await page.getByLabel("Value of variable 1", { exact: true }).fill("x");
  await dashboard.deploy();
  await expect(page.getByTestId("error-arg-0")).toContainText("directory is required");
  await expect(page.getByTestId("error-extra-0")).toContainText("not starting with a digit");
  await page.getByTestId("edit-launch").click();
  await expect(page.getByTestId("launch-editor")).toBeVisible();
  await screenshotBoth(page, "11-form-args-and-extra");
});
