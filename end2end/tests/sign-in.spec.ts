import { expect, test } from "@playwright/test";

import { demoPhones, failOnConsoleErrors, requestCode, signInByPhone } from "./helpers";

// Any error in the browser console (a hydration mismatch, a panic in the WASM) fails the test.
failOnConsoleErrors(test);

test("a participant signs in by phone and code and sees their balance on Home", async ({ page }, info) => {
  const { participant } = demoPhones(info.project.name);
  await signInByPhone(page, participant);
  const fetchedApp = () => page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith(".wasm")));
  if (info.project.name === "phone") {
    // Home is the server's page and nothing more: it has no island, so it fetches none of the
    // app's code (the page script marks it live at once).
    await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
    expect(await fetchedApp()).toBe(false);
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello,");
  const balance = page.getByTestId("balance");
  await expect(balance).toBeVisible();
  // Demo balances start at 1 240 (Anna) and 1 480 (Ivan); the earning and shop specs move them.
  await expect(balance).toHaveText(/^\d{1,3}(,\d{3})* points$/);
  const points = Number((await balance.textContent())!.replace(/\D/g, ""));
  expect(points).toBeGreaterThan(0);
  await expect(page.getByRole("navigation", { name: "Workwell" }).getByRole("link")).toHaveCount(5);
  await expect(page.getByText("Recent activity")).toBeVisible();

  const tabs = page.getByRole("navigation", { name: "Workwell" });
  await tabs.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.locator(".activity li").first()).toBeVisible();

  if (info.project.name === "phone") {
    // Scan has the app's one island: there the WASM is fetched and runs (its camera button shows).
    await tabs.getByRole("link", { name: "Scan" }).click();
    await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
    expect(await fetchedApp()).toBe(true);
    await expect(page.getByRole("button", { name: "Scan with camera" })).toBeVisible();
  }

  await tabs.getByRole("link", { name: "Profile" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a wrong code gets a clear message and the right one still works", async ({ page }, info) => {
  const { wrongCode } = demoPhones(info.project.name);
  const code = await requestCode(page, wrongCode);
  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel("Six-digit code").fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That code is not right. Tries left: 4.");
  await page.getByLabel("Six-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("balance")).toBeVisible();
});

test("a malformed phone number is refused with a specific message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Mobile number").fill("+7 900 12");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("alert")).toContainText("Type all its digits, e.g. 900 123-45-67");
});

test("an admin signs in with e-mail and password and gets the admin shell", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("E-mail").fill("admin@workwell.demo");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await page.getByLabel("E-mail").fill("admin@workwell.demo");
  await page.getByLabel("Password").fill("workwell-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  // The demo's seven people, plus whoever the partner-company spec has let join by now.
  await expect(page.getByTestId("participants")).toHaveText(/^\d+$/);
  expect(Number(await page.getByTestId("participants").textContent())).toBeGreaterThanOrEqual(7);
});

test("a participant who opens /admin is refused", async ({ page }, info) => {
  const { refused } = demoPhones(info.project.name);
  await signInByPhone(page, refused);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toHaveText("This area is for program admins.");
  await expect(page.getByRole("heading", { name: "Overview" })).toHaveCount(0);
});

test("the sign-in page speaks Russian when asked", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});
