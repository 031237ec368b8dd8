import { expect, type Page } from "@playwright/test";

export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(email: string, password: string) {
    await this.page.goto("/signup");
    const form = this.page.getByTestId("sign-up-form");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(password);
    await this.page.getByTestId("sign-up-submit").click();
    await expect(this.page.getByTestId("current-user")).toHaveText(email);
  }

  async signIn(email: string, password: string) {
    await this.page.goto("/signin");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByTestId("sign-in-submit").click();
  }

  async signOut() {
    await this.page.getByTestId("sign-out").click();
    await expect(this.page).toHaveURL(/\/signin/);
  }

  async expectSignedInAs(email: string) {
    await expect(this.page.getByTestId("current-user")).toHaveText(email);
  }
}

export function uniqueEmail(label: string) {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
