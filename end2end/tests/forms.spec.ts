import { expect, test } from "@playwright/test";
import { demoUnitCodes, failOnConsoleErrors, signInAsAdmin, signInByPhone } from "./helpers";

// Every screen but Scan's island is the server's page with plain forms: after a post the browser
// lands on the next page, which must show what the post answered (success) or the form again as it
// was typed (refusal). These tests assert what the person sees, in both projects.
failOnConsoleErrors(test);

/** A code with its check symbol changed: sixteen characters, one of them wrong. */
function mistyped(code: string): string {
  const last = code[code.length - 1];
  return code.slice(0, -1) + (last === "Z" ? "Y" : "Z");
}

test("sign-in: an unknown number comes back as typed, marked and focused", async ({ page }) => {
  await page.goto("/sign-in");
  const phone = page.getByLabel("Mobile number");
  await phone.fill("+7 900 555-44-33");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("alert")).toHaveText(/not in the program yet/);
  await expect(phone).toHaveValue("+7 900 555-44-33");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toBeFocused();
  // Shown once: a reload of the same address does not bring the typed number back.
  await page.goto("/sign-in");
  await expect(page.getByLabel("Mobile number")).toHaveValue("");
});

test("admin: a refused product keeps what was typed; a saved one says so", async ({ page }, info) => {
  const sku = `FORM-${info.project.name.toUpperCase()}`;
  await signInAsAdmin(page);
  await page.goto("/admin/products");
  await page.getByLabel("SKU", { exact: true }).fill(sku);
  await page.getByLabel("Name", { exact: true }).first().fill(`Summer tyre ${sku}`);
  await page.getByLabel("GTIN / EAN-13").fill("4600000000001");
  await page.getByLabel("Base points", { exact: true }).fill("35");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // The GTIN is explained beside it; nothing typed is lost.
  const gtin = page.getByLabel("GTIN / EAN-13");
  await expect(page.locator("#gtin-error")).toHaveText(/13 digits with a correct check digit/);
  await expect(gtin).toHaveValue("4600000000001");
  await expect(gtin).toHaveAttribute("aria-invalid", "true");
  await expect(gtin).toBeFocused();
  await expect(page.getByLabel("SKU", { exact: true })).toHaveValue(sku);
  await expect(page.getByLabel("Name", { exact: true }).first()).toHaveValue(`Summer tyre ${sku}`);
  await expect(page.getByLabel("Base points", { exact: true })).toHaveValue("35");
  await expect(page.getByRole("alert")).toHaveCount(1);
  // Corrected, it saves, and the page says so.
  await gtin.fill("");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByTestId("products")).toContainText(sku);
  await expect(page.getByLabel("SKU", { exact: true })).toHaveValue("");
});

test("admin: an adjustment shows who has how many points now, and the form is empty again", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/adjust");
  await page.getByLabel("Mobile number").fill("+79000000003");
  await page.getByLabel("Points", { exact: true }).fill("two hundred");
  await page.getByLabel("Reason").fill("Form test: refused first");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("Mobile number")).toHaveValue("+79000000003");
  await expect(page.getByLabel("Points", { exact: true })).toHaveValue("two hundred");
  await expect(page.getByLabel("Points", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Reason")).toHaveValue("Form test: refused first");
  await page.getByLabel("Points", { exact: true }).fill("7");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Done: Olga Engineer now has [\d\u00a0\u202f ,]+ points\.$/);
  // Nothing is left filled in to be sent again by one more click.
  await expect(page.getByLabel("Points", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Reason")).toHaveValue("");
  await page.reload();
  await expect(page.getByRole("status")).toHaveCount(0);
});

test("admin: the earning preview shows its answer", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/campaigns");
  await page.locator("form:has(input[name=date]) input[name=sku]").fill("TYRE-R16");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByTestId("preview")).toHaveText(/^.+: \d+ base .*= \d+$/);
});

test("scan: a mistyped code comes back as typed with one message", async ({ page }, info) => {
  const js = info.project.name !== "no-js";
  // Phones of this file's own (one-time codes are limited per phone).
  await signInByPhone(page, js ? "+79000000011" : "+79000000012");
  await page.goto("/scan");
  // With JavaScript, the island answers in place once it is live (its camera buttons show).
  if (js) await expect(page.getByTestId("delivery-mode")).toBeVisible();
  const field = page.getByLabel("Code from the label");
  const wrong = mistyped(demoUnitCodes()[js ? 10 : 11]);
  await field.fill(wrong);
  await page.getByRole("button", { name: "Get points" }).click();
  const alerts = page.getByRole("alert");
  await expect(alerts).toHaveCount(1);
  await expect(alerts).toHaveText(/This code has a typo/);
  await expect(field).toHaveValue(wrong);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  if (js) {
    // Typing the next code makes the old answer stale: it goes.
    await field.fill("AB");
    await expect(alerts).toHaveCount(0);
  }
});

test("scan: a delivery counts typed codes like camera reads, and the field is ready for the next", async ({ page }, info) => {
  test.skip(info.project.name === "no-js", "a delivery's list is the island's, with the page live");
  // Typed as dialled at home (the demo program's country is Russia): read as +7 900 000-00-13.
  await signInByPhone(page, "+79000000013", "900 000-00-13");
  await page.goto("/scan");
  await expect(page.getByTestId("delivery-mode")).toBeVisible();
  await page.getByTestId("delivery-mode").click();
  await expect(page.getByTestId("delivery-mode")).toHaveAttribute("aria-pressed", "true");
  const field = page.getByLabel("Code from the label");
  const code = demoUnitCodes()[10];
  await field.fill(code.toLowerCase());
  await field.press("Enter");
  await expect(page.getByTestId("delivery")).toContainText(code);
  await expect(page.getByTestId("delivery-row").first()).toHaveAttribute("data-state", "credited");
  await expect(page.getByTestId("delivery-row")).toHaveCount(1);
  await expect(field).toHaveValue("");
  await expect(field).toBeFocused();
  // The same unit typed again is noted as already in the list, not claimed twice.
  await field.fill(code.replaceAll("-", " "));
  await field.press("Enter");
  await expect(page.getByText(`Already scanned: ${code}`)).toBeVisible();
});

test("admin in Russian: the adjustment note takes the CLDR plural form of the new balance", async ({ page, context, baseURL }) => {
  await signInAsAdmin(page);
  await context.addCookies([{ name: "ww_lang", value: "ru", url: baseURL! }]);
  // Node's own CLDR rules are the oracle: one (1, 21, 101…), few (2–4, 22…), many (5–20, 25…).
  const rules = new Intl.PluralRules("ru");
  const word = { one: "балл", few: "балла", many: "баллов", other: "балла" } as Record<string, string>;
  const adjust = async (points: number) => {
    await page.goto("/admin/adjust");
    await page.locator("input[name=phone]").fill("+79000000006");
    await page.locator("input[name=points]").fill(String(points));
    await page.locator("input[name=reason]").fill("Проверка склонения");
    await page.locator("main button[type=submit]").click();
    const note = page.getByRole("status");
    await expect(note).toHaveText(/^Готово: у .+ теперь [\d\u00a0]+ (балл|балла|баллов)\.$/);
    const text = (await note.textContent())!;
    const n = Number(text.match(/теперь ([\d\u00a0]+) /)![1].replace(/\D/g, ""));
    expect(text.endsWith(` ${word[rules.select(n)]}.`), `${n}: ${text}`).toBe(true);
    return n;
  };
  // Land the balance on …21, then …22, then …25: the three Russian forms in turn.
  const start = await adjust(1);
  const first = await adjust(((21 - (start % 100)) + 100) % 100 || 100);
  expect(first % 100).toBe(21);
  expect(await adjust(1)).toBe(first + 1);
  expect(await adjust(3)).toBe(first + 4);
});
