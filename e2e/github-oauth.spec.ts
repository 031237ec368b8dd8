import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { AuthPages, uniqueEmail } from "./pages/auth-pages";
import { FAKE_GITHUB_URL } from "./support/global-setup";
import type { FakeGitHubUser } from "../test/fakes/github-oauth-server";

// GitHub here is test/fakes/github-oauth-server.ts behind the fixed-port forwarder of e2e/support/global-setup.ts;
// the web server reaches it through GITHUB_OAUTH_URL and GITHUB_API_URL.

/** Who the browser is "signed in to GitHub" as; the fake's consent page approves as this user. */
async function signInToGitHubAs(request: APIRequestContext, user: FakeGitHubUser) {
  const answer = await request.put(`${FAKE_GITHUB_URL}/__fake__/signed-in-user`, { data: user });
  expect(answer.status()).toBe(204);
}

function gitHubUser(label: string, overrides: Partial<FakeGitHubUser> = {}): FakeGitHubUser {
  const id = 10_000_000 + Math.floor(Math.random() * 80_000_000);
  return { id, login: `${label}-${id}`, name: `Octo ${label}`, email: uniqueEmail(`gh-${label}`), ...overrides };
}

async function continueWithGitHub(page: Page) {
  await page.goto("/signin");
  await page.getByTestId("sign-in-github").click();
}

test("GitHub sign-in creates an account the first time and returns to the same one the next", async ({ page, request }) => {
  // A private profile email: the app has to find it in /user/emails.
  const octo = gitHubUser("first", { emailPublic: false });
  await signInToGitHubAs(request, octo);
  const auth = new AuthPages(page);

  await continueWithGitHub(page);
  await expect(page.getByTestId("dashboard-heading")).toBeVisible();
  await auth.expectSignedInAs(octo.email);

  await page.goto("/settings");
  await page.getByLabel("New key name").fill("made while signed in with github");
  await page.getByTestId("create-api-key").click();
  await expect(page.getByTestId("api-key-list")).toContainText("made while signed in with github");
  await auth.signOut();
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin/);

  await continueWithGitHub(page);
  await auth.expectSignedInAs(octo.email);
  await page.goto("/settings");
  await expect(page.getByTestId("api-key-list")).toContainText("made while signed in with github");
});

test("GitHub sign-in with the email of a password account is refused with a message, and the password still works", async ({ page, request }) => {
  const email = uniqueEmail("both");
  const auth = new AuthPages(page);
  await auth.signUp(email, "a long enough password");
  await auth.signOut();

  await signInToGitHubAs(request, gitHubUser("taken", { email, emailPublic: true }));
  await continueWithGitHub(page);
  await expect(page).toHaveURL(/\/signin\?.*error=OAuthAccountNotLinked/);
  await expect(page.getByTestId("form-error")).toHaveText("This email already has a password account; sign in with your password.");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin/);

  await auth.signIn(email, "a long enough password");
  await auth.expectSignedInAs(email);
});

test("a GitHub account without a verified email is refused before an account is made", async ({ page, request }) => {
  await signInToGitHubAs(request, gitHubUser("unverified", { emailPublic: false, emailVerified: false }));
  await continueWithGitHub(page);
  await expect(page.getByTestId("form-error")).toContainText("no verified email address");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin/);
});

test("an unknown ?error= code gets a plain sentence, never the link's own text", async ({ page }) => {
  await page.goto("/signin?error=Your%20account%20is%20locked%2C%20call%20555-0100");
  await expect(page.getByTestId("form-error")).toHaveText("Sign-in did not complete. Try again.");
  await expect(page.getByText("555-0100")).toHaveCount(0);
});
