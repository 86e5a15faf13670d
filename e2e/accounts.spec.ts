// Sessions end when they should: sign-out, and an admin disabling a learner, apply on the next request.
import { expect, test } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail } from "./helpers";

test("signing out ends the session and a wrong password is refused", async ({ page }) => {
  const email = uniqueEmail("signout");
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  // A real redirect and a real 404, decided before the page streams (app/lessons/[slug]/layout.tsx).
  const signedOut = await page.request.get("/lessons/pods", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toBe("/login?next=%2Flessons%2Fpods");
  // Only the server's own warm-up token renders the page signed out (lib/server/warm-up.ts).
  expect((await page.request.get("/lessons/pods", { maxRedirects: 0, headers: { "x-kubelings-warm-up": "1" } })).status()).toBe(307);
  await page.goto("/lessons/pods");
  await expect(page).toHaveURL(/\/login\?next=%2Flessons%2Fpods/);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("auth-error")).toHaveText("Wrong email or password.");
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/lessons\/pods$/);
  await expect(page.locator(".xterm")).toBeVisible();
  expect((await page.request.get("/lessons/no-such-lesson")).status()).toBe(404);
});

test("an admin disables a learner, whose very next request is refused", async ({ page, browser }) => {
  const learnerCtx = await browser.newContext();
  const learner = await learnerCtx.newPage();
  const email = uniqueEmail("disabled");
  await signUp(learner, email);
  const open = await learner.request.post("/api/sandboxes", { data: { exercise: "fix-redis" } });
  expect(open.status()).toBe(200);

  await page.goto("/login");
  await page.getByLabel(/^Email/).fill("admin@e2e.test");
  await page.getByLabel(/^Password/).fill("e2e-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Admin" }).click();
  const row = page.getByTestId("user-row").filter({ hasText: email });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();

  const res = await learner.request.post("/api/sandboxes", { data: { exercise: "fix-redis" } });
  expect(res.status()).toBe(401);
  await learner.goto("/lessons/pods");
  await expect(learner).toHaveURL(/\/login/);
  await learnerCtx.close();
});
