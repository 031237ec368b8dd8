import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for the dashboard: home (analyze + list), analysis (findings + credential form), deployment. */
export class DashboardPages {
  constructor(private readonly page: Page) {}

  async analyze(source: string) {
    await this.page.goto("/");
    await this.page.getByLabel(/paste a github repository/i).fill(source);
    await this.page.getByTestId("analyze-submit").click();
  }

  async expectAnalysisPage() {
    await expect(this.page).toHaveURL(/\/analyses\/[^/]+$/, { timeout: 60_000 });
    await expect(this.page.getByTestId("credential-form")).toBeVisible();
  }

  envInput(name: string): Locator {
    return this.page.locator(`#env-${name}`);
  }

  envError(name: string): Locator {
    return this.page.getByTestId(`error-env-${name}`);
  }

  async deploy() {
    await this.page.getByTestId("credential-form-submit").click();
  }

  async expectDeploymentPage() {
    await expect(this.page).toHaveURL(/\/deployments\/[^/]+$/, { timeout: 30_000 });
    await expect(this.page.getByTestId("deployment-heading")).toBeVisible();
  }

  async waitForStatus(status: string, timeout = 90_000) {
    await expect(this.page.getByTestId("deployment-status")).toHaveAttribute("data-status", status, { timeout });
  }

  async endpointUrl(): Promise<string> {
    return (await this.page.getByTestId("endpoint-url").textContent())?.trim() ?? "";
  }

  async freshToken(): Promise<string> {
    return (await this.page.getByTestId("new-token-value").textContent())?.trim() ?? "";
  }
}
