import { expect, test } from "@playwright/test";
import { AuthPages, screenshot, uniqueEmail } from "./pages/auth-pages";

test("a protected page sends a visitor to sign-in and back after signing in", async ({ page }) => {
  const email = uniqueEmail("returning");
  const auth = new AuthPages(page);
  await auth.signUp(email, "a long enough password");
  await auth.expectSignedInAs(email);
  await auth.signOut();

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings/);
  await screenshot(page, "auth-signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
});

test("sign up shows field errors, then signs the new user in; sign out ends the session", async ({ page }) => {
  const auth = new AuthPages(page);
  await page.goto("/signup");
  await page.getByTestId("sign-up-form").getByLabel("Email").fill("not-an-email");
  await page.getByTestId("sign-up-form").getByLabel("Password").fill("short");
  await page.getByTestId("sign-up-submit").click();
  await expect(page.getByTestId("error-email")).toBeVisible();
  await expect(page.getByTestId("error-password")).toContainText("10 characters");
  await screenshot(page, "auth-signup-errors");

  const email = uniqueEmail("new");
  await auth.signUp(email, "a long enough password");
  await expect(page.getByTestId("dashboard-heading")).toBeVisible();
  await auth.expectSignedInAs(email);
  await screenshot(page, "dashboard-empty");

  await auth.signOut();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password is refused with a message and no session", async ({ page }) => {
  const email = uniqueEmail("wrongpw");
  const auth = new AuthPages(page);
  await auth.signUp(email, "the right password");
  await auth.signOut();
  await auth.signIn(email, "the wrong password");
  await expect(page.getByTestId("form-error")).toContainText("don't match");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin/);
});

test("personal API keys: create (shown once), list, revoke", async ({ page }) => {
  const auth = new AuthPages(page);
  await auth.signUp(uniqueEmail("keys"), "a long enough password");
  await page.goto("/settings");
  await page.getByLabel("New key name").fill("ci runner");
  await page.getByTestId("create-api-key").click();
  const secret = await page.getByTestId("new-api-key-value").textContent();
  expect(secret).toMatch(/^cw_key_/);
  await expect(page.getByTestId("api-key-list")).toContainText("ci runner");
  await screenshot(page, "settings-api-keys");
  await page.reload();
  expect(await page.content()).not.toContain(secret!);
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("api-key-list")).toContainText("revoked");
});
