import { expect, test, type Page } from "@playwright/test";
import { failOnConsoleErrors, signInAsAdmin, signInByPhone } from "./helpers";

// Sizes a thumb and an eye need, measured in the real browser at the phone viewport.
failOnConsoleErrors(test);

async function height(page: Page, selector: string): Promise<number> {
  return (await page.locator(selector).first().boundingBox())!.height;
}

test("the admin header opens as a menu on a phone and stays one line on a desktop", async ({ page }) => {
  await signInAsAdmin(page);
  const nav = page.getByRole("navigation", { name: "Program admin" });
  // 390 px: folded, opens with a tap, nothing wider than the screen.
  await expect(nav).toBeHidden();
  await page.getByTestId("admin-menu").click();
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await nav.getByRole("link", { name: "Orders" }).click();
  await expect(page).toHaveURL(/\/admin\/orders$/);
  // 1366 px: every link on one line, no menu button.
  await page.setViewportSize({ width: 1366, height: 800 });
  await expect(page.getByTestId("admin-menu")).toBeHidden();
  await expect(nav).toBeVisible();
  const tops = await nav.getByRole("link").evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
  expect(new Set(tops).size, `link rows at ${tops}`).toBe(1);
  expect(await height(page, ".admin-bar")).toBeLessThan(80);
});

test("links people tap are 48 px tall; tab labels and hints are at least 14 px", async ({ page }, info) => {
  // Phones of this file's own (one-time codes are limited per phone).
  // Without JavaScript the number is typed with the Russian trunk prefix, as dialled at home.
  if (info.project.name === "no-js") await signInByPhone(page, "+79000000011", "8 (900) 000-00-11");
  else await signInByPhone(page, "+79000000013");
  for (const [path, name] of [
    ["/", "All history"],
    ["/shop", "My orders"],
  ] as const) {
    await page.goto(path);
    const box = (await page.getByRole("link", { name, exact: true }).boundingBox())!;
    expect(box.height, `${name} on ${path}`).toBeGreaterThanOrEqual(48);
  }
  await page.goto("/shop");
  await page.getByTestId("rewards").getByRole("link").first().click();
  const back = (await page.getByRole("link", { name: "← Hobby shop" }).boundingBox())!;
  expect(back.height).toBeGreaterThanOrEqual(48);
  const px = (selector: string) =>
    page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await px(".tabbar a")).toBeGreaterThanOrEqual(14);
  await page.goto("/scan");
  expect(await px("#code-hint")).toBeGreaterThanOrEqual(14);
});
