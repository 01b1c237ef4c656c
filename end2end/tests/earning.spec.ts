import { expect, test } from "@playwright/test";
import { demoPhones, failOnConsoleErrors, signInByPhone } from "./helpers";

// Any error in the browser console fails the test (hydration mismatches, WASM panics).
failOnConsoleErrors(test);

test("admin makes a product and a batch; a participant claims a code and sees why it earned what it did", async ({ page }, info) => {
  const sku = `E2E-${info.project.name.toUpperCase()}`;

  // The admin creates a product…
  await page.goto("/admin/sign-in");
  await page.getByLabel("E-mail").fill("admin@workwell.demo");
  await page.getByLabel("Password").fill("workwell-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/products");
  await page.getByLabel("SKU", { exact: true }).fill(sku);
  await page.getByLabel("Name", { exact: true }).first().fill(`Winter tyre ${sku}`);
  await page.locator("select[name=category]").selectOption("tyres");
  await page.getByLabel("Base points", { exact: true }).fill("80");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("products")).toContainText(sku);

  // …a batch of four codes for it, dispatched…
  await page.goto("/admin/batches");
  await page.locator("select[name=sku]").selectOption(sku);
  await page.getByLabel("Number of codes").fill("4");
  await page.getByRole("button", { name: "Generate" }).click();
  // With JavaScript a note appears; without, the browser lands on the new batch.
  await expect(page.getByText(/Codes generated: 4\./).or(page.getByTestId("batch-status"))).toBeVisible();
  await page.goto("/admin/batches");
  const row = page.getByTestId("batches").locator("tr", { hasText: sku }).first();
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/batches\/\d+$/);
  await expect(page.getByTestId("batch-status")).toHaveText("Not activated");
  await page.getByRole("button", { name: "Activate (dispatched)" }).click();
  await expect(page.getByTestId("batch-status")).toHaveText("Active");
  const code = (await page.getByTestId("codes").locator("code").first().textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // …and opens the printable label sheet: one QR per code, the code under it.
  const sheetUrl = await page.getByRole("link", { name: "Label sheet (A4)" }).getAttribute("href");
  await page.goto(sheetUrl!);
  await expect(page.getByTestId("label-sheet").locator("svg")).toHaveCount(4);
  await expect(page.getByTestId("label-sheet")).toContainText(code);
  await page.goto("/admin");
  await page.getByRole("button", { name: "Sign out" }).click();

  // The participant types the code on the Scan tab.
  const { participant } = demoPhones(info.project.name);
  await signInByPhone(page, participant);
  await page.getByRole("navigation", { name: "Workwell" }).getByRole("link", { name: "Scan" }).click();
  await expect(page).toHaveURL(/\/scan$/);
  await page.getByLabel("Code from the label").fill(code.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Get points" }).click();
  const result = page.getByTestId("claim-result");
  await expect(result).toBeVisible();
  const breakdown = (await page.getByTestId("breakdown").textContent())!;
  // 80 base, the demo's winter tyre campaign (×1.5), the role and tier factors, then the total.
  expect(breakdown).toMatch(new RegExp(`^Winter tyre ${sku}: 80 base .*× 1\\.5 winter tyre weeks .*= \\d+$`));
  const total = breakdown.match(/= (\d+)$/)![1];
  await expect(result).toContainText(`+${total} points`);
  await expect(result).toContainText("Did you know?");

  // History shows the entry with its reason and breakdown.
  await page.goto("/history?kind=accrual");
  const first = page.locator(".activity li").first();
  await expect(first).toContainText(`Winter tyre ${sku}`);
  await expect(first).toContainText(`+${total}`);
  await expect(first.locator(".breakdown")).toContainText("80 base");

  // The same code again: already claimed, by you, with the date.
  await page.goto("/scan");
  await page.getByLabel("Code from the label").fill(code);
  await page.getByRole("button", { name: "Get points" }).click();
  await expect(page.getByRole("alert")).toContainText("You already claimed this code on");

  // A typo is caught by the check character, and nothing is credited.
  await page.goto("/scan");
  if (info.project.name === "phone") await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await page.getByLabel("Code from the label").fill("0000-0000-0000-0001");
  if (info.project.name === "phone") {
    // With the WASM running, the browser says so while typing, before asking the server.
    await expect(page.getByRole("alert")).toContainText("This code has a typo");
  }
  await page.getByRole("button", { name: "Get points" }).click();
  await expect(page.getByRole("alert").first()).toContainText("This code has a typo");
  await expect(page.getByTestId("claim-result")).toHaveCount(0);

  if (info.project.name === "phone") {
    // A claim posted before Scan's island has started (a slow phone, a quick thumb) and refused
    // comes back in the address; the island, once started, shows the same answer (a mismatch
    // between the server's page and the island would fail the test in the console).
    const posted = await page.request.post("/api/earn/claim", {
      form: { code: "0000-0000-0000-0001" },
      headers: { accept: "text/html", referer: new URL("/scan", page.url()).href },
      maxRedirects: 0,
    });
    expect(posted.status(), await posted.text()).toBeGreaterThanOrEqual(300);
    expect(posted.status()).toBeLessThan(400);
    const back = posted.headers()["location"];
    expect(back).toContain("__err=");
    await page.goto(back);
    await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Scan with camera" })).toBeVisible();
    await expect(page.getByRole("alert").first()).toContainText("This code has a typo");
    await expect(page.getByTestId("claim-result")).toHaveCount(0);
  }
});
