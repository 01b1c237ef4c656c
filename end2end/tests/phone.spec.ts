import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signInByPhone } from "./helpers";

failOnConsoleErrors(test);

test("the participant's screens fit a 360 px phone: no sideways scrolling, 48 px tap targets, no serious accessibility problems", async ({ page }, info) => {
  test.skip(info.project.name === "no-js", "axe runs in the page: it needs JavaScript");
  await page.setViewportSize({ width: 360, height: 780 });
  await signInByPhone(page, "+79000000004");
  for (const path of ["/", "/scan", "/shop", "/history", "/profile"]) {
    await page.goto(path);
    await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(360);
    // Buttons, fields, tabs and chips: what a thumb has to hit. Links inside sentences are exempt.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(
        "main button, main input:not([type=hidden]), main select, main textarea, main a.button, main .chip, .tabbar a",
      )]
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ what: `${e.tagName.toLowerCase()} "${(e.textContent || (e as HTMLInputElement).name || "").trim().slice(0, 30)}"`, h: e.getBoundingClientRect().height }))
        .filter((t) => t.h < 48),
    );
    expect(small, `${path}: tap targets under 48 px`).toEqual([]);
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    expect(serious, `${path}: serious or critical accessibility problems`).toEqual([]);
  }
  // Turned sideways, Scan still fits and its button is still reachable.
  await page.setViewportSize({ width: 780, height: 360 });
  await page.goto("/scan");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(780);
  await page.getByRole("button", { name: "Get points" }).scrollIntoViewIfNeeded();
  await expect(page.getByRole("button", { name: "Get points" })).toBeInViewport();
});
