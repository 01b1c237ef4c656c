import { expect, test, type Page } from "@playwright/test";
import { adminPage, demoPhones, failOnConsoleErrors, signInByPhone } from "./helpers";

// Any error in the browser console fails the test (hydration mismatches, WASM panics).
failOnConsoleErrors(test);

/** Orders the reward open on `page`; returns the order number. Without JavaScript the browser lands
 * on the order's own page; with it, the order appears under the form. */
async function order(page: Page): Promise<string> {
  await page.getByTestId("redeem").click();
  const card = page.getByTestId("order").first();
  await expect(card).toBeVisible();
  const title = (await card.getByRole("link").first().textContent())!;
  return title.match(/#(\d+)/)![1];
}

async function balance(page: Page): Promise<number> {
  await page.goto("/");
  const text = (await page.getByTestId("balance").locator("strong").textContent())!;
  return Number(text.replace(/\D/g, ""));
}

test("a participant browses, saves up, redeems a voucher and a parcel; the admin ships one and cancels the other", async ({ page, browser }, info) => {
  const { participant } = demoPhones(info.project.name);
  await signInByPhone(page, participant);
  const start = await balance(page);

  // Browse a category: the chips filter the catalog.
  await page.getByRole("navigation", { name: "Workwell" }).getByRole("link", { name: "Shop" }).click();
  await expect(page).toHaveURL(/\/shop$/);
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: /Auto/ }).click();
  await expect(page).toHaveURL(/cat=auto/);
  const rewards = page.getByTestId("rewards");
  await expect(rewards).toContainText("Car wash, five visits");
  await expect(rewards).toContainText("Dashcam");
  await expect(rewards).not.toContainText("Thermos mug");

  // Pin a goal; Home shows how far it is.
  await rewards.getByRole("link", { name: /Dashcam/ }).click();
  await expect(page).toHaveURL(/\/shop\/\d+$/);
  await page.getByRole("button", { name: "Save up for this" }).click();
  await expect(page.getByRole("button", { name: "Stop saving up for this" })).toBeVisible();
  await page.goto("/");
  const goal = page.getByTestId("goal");
  await expect(goal).toContainText("Dashcam");
  await expect(goal.locator("progress")).toHaveCount(1);
  // "N points to go: about K more × <their usual product>", or just the points when they have no
  // claims of late.
  await expect(page.getByTestId("goal-line")).toContainText(/to go|Still needed: /);

  // Redeem a digital voucher: the code is there at once.
  await page.goto("/shop?cat=auto");
  await page.getByTestId("rewards").getByRole("link", { name: /Car wash/ }).click();
  await expect(page.getByText("Your voucher code appears on the order at once.")).toBeVisible();
  const voucherOrder = await order(page);
  await expect(page.getByTestId("voucher")).toHaveText(/^DEMO-\d+-\d{4}$/);
  expect(await balance(page)).toBe(start - 400);

  // Redeem a physical good with a delivery address.
  await page.goto("/shop?cat=tourism");
  await page.getByTestId("rewards").getByRole("link", { name: /Thermos mug/ }).click();
  await page.getByLabel("Recipient").fill("Test Person");
  await page.getByLabel("Mobile number").fill(participant);
  await page.getByLabel("Street, house, flat").fill("Lenina 1, flat 5");
  await page.getByLabel("City").fill("Kazan");
  // A bad postcode is refused: the address comes back as typed, the postcode marked and explained.
  await page.getByLabel("Postcode").fill("4");
  await page.getByTestId("redeem").click();
  const postcode = page.getByLabel("Postcode");
  await expect(page.locator("#postcode-error")).toHaveText("Postcode: 3–10 letters or digits.");
  await expect(postcode).toHaveAttribute("aria-invalid", "true");
  await expect(postcode).toBeFocused();
  await expect(postcode).toHaveValue("4");
  await expect(page.getByLabel("Recipient")).toHaveValue("Test Person");
  await expect(page.getByLabel("Mobile number")).toHaveValue(participant);
  await expect(page.getByLabel("Street, house, flat")).toHaveValue("Lenina 1, flat 5");
  await expect(page.getByLabel("City")).toHaveValue("Kazan");
  await expect(page.getByRole("alert")).toHaveCount(1);
  await postcode.fill("420000");
  const parcelOrder = await order(page);
  await expect(page.getByTestId("order-status").first()).toHaveText("Placed");

  // The admin ships the parcel with a tracking number (the rewards screen warns what runs low)…
  const admin = await adminPage(browser, info);
  await admin.goto("/admin/rewards");
  await expect(admin.getByTestId("low-stock")).toContainText("Dashcam");
  await admin.goto(`/admin/orders/${parcelOrder}`);
  await admin.getByLabel("Move to").selectOption("shipped");
  await admin.getByLabel("Tracking number").fill(`RB${parcelOrder}RU`);
  await admin.getByTestId("move-order").click();
  await expect(admin.getByTestId("order-status")).toHaveText("Shipped");

  // …the participant sees it…
  await page.goto(`/orders/${parcelOrder}`);
  await expect(page.getByTestId("order-status")).toHaveText("Shipped");
  await expect(page.getByTestId("tracking")).toHaveText(`RB${parcelOrder}RU`);
  await expect(page.getByTestId("order-history")).toContainText("Shipped");
  await page.goto("/");
  await expect(page.getByTestId("order-updates")).toContainText(`Order #${parcelOrder}`);

  // The admin hands it over from the queue, ticking it among the others: the queue says how many moved.
  await admin.goto("/admin/orders?status=shipped");
  await admin.getByLabel(`Order #${parcelOrder}`, { exact: true }).check();
  await admin.getByLabel("Move to").selectOption("delivered");
  await admin.getByRole("button", { name: "Apply to the selected orders" }).click();
  await expect(admin.getByRole("status")).toHaveText("Orders updated: 1.");
  await page.goto(`/orders/${parcelOrder}`);
  await expect(page.getByTestId("order-status")).toHaveText("Delivered");

  // …and the admin cancels the voucher order: the points come back.
  const beforeCancel = await balance(page);
  await admin.goto(`/admin/orders/${voucherOrder}`);
  await admin.getByLabel("Reason").fill("The car wash closed");
  await admin.getByTestId("cancel-order").click();
  await expect(admin.getByTestId("order-status")).toHaveText("Cancelled");
  await expect(admin.getByRole("status").filter({ hasText: "Cancelled. The participant's balance is now" })).toBeVisible();
  await admin.context().close();
  expect(await balance(page)).toBe(beforeCancel + 400);
  await page.goto(`/orders/${voucherOrder}`);
  await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
  // The code the participant saw is void, not back in anyone's hands.
  await expect(page.getByTestId("voucher-void")).toHaveText(/^DEMO-\d+-\d{4}$/);
  await expect(page.getByTestId("voucher")).toHaveCount(0);
  await page.goto("/history?kind=reversal");
  await expect(page.locator(".activity li").first()).toContainText(`order #${voucherOrder}`);
});

test("the shop says clearly why an order cannot be placed", async ({ page }, info) => {
  const { shopper } = demoPhones(info.project.name);
  await signInByPhone(page, shopper);
  // Sold out: no order button, a "tell me" instead, remembered.
  await page.goto("/shop?cat=home_tools");
  await page.getByTestId("rewards").getByRole("link", { name: /Cordless drill/ }).click();
  await expect(page.getByTestId("redeem")).toHaveCount(0);
  await page.getByRole("button", { name: "Tell me when it is back" }).click();
  await expect(page.getByText("We will tell you when it is back.")).toBeVisible();
  // For a higher tier: shown, locked, and the server refuses with the tier named.
  await page.goto("/shop?cat=tourism&sort=price_desc");
  await page.getByTestId("rewards").getByRole("link", { name: /Fishing trip/ }).click();
  await expect(page.getByTestId("tier-locked")).toContainText("Gold");
  await expect(page.getByTestId("redeem")).toBeDisabled();
  // What is missing, not a negative balance after an order that cannot be placed.
  await expect(page.getByTestId("missing")).toHaveText(/^Still needed: [\d\s,]+ points?$/);
  await expect(page.getByText(/Balance after/)).toHaveCount(0);
  // "I can afford it" hides what costs more than the balance.
  await page.goto("/shop?afford=1");
  await expect(page.getByTestId("rewards")).not.toContainText("Fishing trip");
  await expect(page.getByTestId("missing")).toHaveCount(0);
});

test("someone who asked to be told finds the reward back in stock on Home", async ({ page, browser }, info) => {
  // Phones of this test's own (one-time codes are limited per phone).
  const shopper = info.project.name === "no-js" ? "+79000000013" : "+79000000012";
  // The admin adds a reward that is sold out from the start: the form says it is saved.
  const title = `Camping lamp ${info.project.name} ${Date.now()}`;
  const admin = await adminPage(browser, info);
  await admin.goto("/admin/rewards");
  await admin.getByLabel("Title").fill(title);
  await admin.getByLabel("Kind").selectOption("physical");
  await admin.getByLabel("Price", { exact: true }).fill("100");
  await admin.getByLabel("Stock", { exact: true }).fill("0");
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const link = admin.getByTestId("rewards-admin").getByRole("link", { name: title });
  const id = (await link.getAttribute("href"))!.match(/edit=(\d+)/)![1];

  // The participant asks to be told.
  await signInByPhone(page, shopper);
  await page.goto(`/shop/${id}`);
  await expect(page.getByTestId("redeem")).toHaveCount(0);
  await page.getByRole("button", { name: "Tell me when it is back" }).click();
  await expect(page.getByText("We will tell you when it is back.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("notice")).toHaveCount(0);

  // The admin restocks it…
  await admin.goto(`/admin/rewards?edit=${id}`);
  await admin.getByLabel("Stock", { exact: true }).fill("3");
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await admin.context().close();

  // …and Home tells the participant, once, until they dismiss it.
  await page.goto("/");
  const notice = page.getByTestId("notice");
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`Back in stock, as you asked: ${title}`);
  await notice.getByRole("button", { name: "OK, got it" }).click();
  await expect(page.getByTestId("notice")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("notice")).toHaveCount(0);
});
