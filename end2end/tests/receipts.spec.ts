import { chromium, expect, test, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { adminPage, failOnConsoleErrors, signInByPhone } from "./helpers";
import { eanFrame, qrFrame, writeY4m } from "./video";

// Purchase claims as a foreman makes them and a moderator decides them, on a phone. With
// JavaScript: Chromium's fake camera shows a real-format fiscal receipt QR, then the tyre's
// EAN-13; the Scan screen goes to the claim screen with the receipt read, the claim screen's
// camera finds the product by its barcode. Without JavaScript: an invoice typed in, a product
// found by search, a photo added, a refusal that keeps what was typed.

const dir = join(__dirname, "..", ".run", "receipts");
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const TYRE = "All-season tyre R16";
const TYRE_EAN = "4006381333931";

failOnConsoleErrors(test);
test.describe.configure({ mode: "serial" });

/** `YYYYMMDD` of `days` days ago. */
function daysAgo(days: number, sep = ""): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10).replaceAll("-", sep);
}

const browsers: Browser[] = [];
test.afterAll(async () => {
  for (const b of browsers) await b.close();
});

async function approve(admin: Page, claim: string) {
  await admin.goto(`/admin/receipts/${claim}`);
  await expect(admin.getByTestId("claim-status")).toHaveAttribute("data-status", "waiting");
  await expect(admin.getByTestId("claim-lines")).toContainText(TYRE);
  await admin.getByTestId("approve").click();
  await expect(admin.getByTestId("decided")).toContainText(`Claim ${claim} decided.`);
}

test("a receipt's QR and a product's barcode in front of the camera make a claim; approved, its points arrive", async ({}, info) => {
  test.skip(info.project.name === "no-js", "the camera needs JavaScript; the typed claim is the next test");
  // Two cameras, two sign-ins and a moderator: longer than one screen's test.
  test.setTimeout(90_000);
  mkdirSync(dir, { recursive: true });
  const receipt = `t=${daysAgo(2)}T0930&s=6500.00&fn=9282440300682838&i=7731&fp=2611093712&n=1`;
  const video = join(dir, "receipt.y4m");
  writeY4m(video, [qrFrame(receipt), eanFrame(TYRE_EAN)], 15);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      ...(info.project.use.launchOptions?.args ?? []),
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  browsers.push(browser);
  const context = await browser.newContext({ ...phone, baseURL: info.project.use.baseURL, locale: "en-US" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signInByPhone(page, "+79000000016");

  // Scan: the receipt's QR goes straight to the claim screen, its date and total read.
  await page.goto("/scan");
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await page.getByTestId("camera-start").click();
  await expect(page).toHaveURL(/\/claims\/new\?qr=t%3D/, { timeout: 20_000 });
  await expect(page.getByTestId("receipt-read")).toContainText("₽6,500.00");
  await expect(page.getByTestId("receipt-date")).toContainText("09:30");
  await expect(page.getByTestId("no-lines")).toBeVisible();

  // The claim screen's camera reads the tyre's own barcode and finds the product.
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await page.getByTestId("product-scanner").getByTestId("camera-start").click();
  await expect(page).toHaveURL(new RegExp(`q=${TYRE_EAN}`), { timeout: 20_000 });
  const found = page.getByTestId("found");
  await expect(found).toContainText(TYRE);
  await found.getByTestId("add-product").first().click();
  await expect(page.getByTestId("lines")).toContainText(`${TYRE} × 1`);
  // 100 base × 1.2 foreman = 120 (the winter campaign started after this purchase).
  await expect(page.getByTestId("about-points")).toContainText("About 120 points, after checking");
  await page.getByLabel("Where you bought it (optional)").fill("Shina Plus counter");
  await page.getByTestId("send-claim").click();

  await expect(page).toHaveURL(/\/claims\/\d+\?sent=1$/);
  const claim = page.url().match(/\/claims\/(\d+)/)![1];
  await expect(page.getByTestId("claim-sent")).toBeVisible();
  await expect(page.getByTestId("claim-status")).toContainText("Waiting for a check · About 120 points, after checking");
  await page.goto("/");
  await expect(page.getByTestId("pending-points")).toContainText("120 points waiting for a check");
  await expect(page.getByTestId("balance")).toContainText("0");

  // The same receipt again is refused at once, with when.
  await page.goto(`/claims/new?qr=${encodeURIComponent(receipt)}&lines=1x1`);
  await page.getByTestId("send-claim").click();
  await expect(page.getByRole("alert")).toContainText("You claimed this receipt already");

  const admin = await adminPage(browser, info);
  await approve(admin, claim);

  await page.goto("/");
  await expect(page.getByTestId("claim-decided")).toContainText(`Your purchase claim ${claim}: 120 points credited.`);
  await expect(page.getByTestId("balance")).toContainText("120");
  await expect(page.getByTestId("pending-points")).toHaveCount(0);
  await page.getByTestId("claim-decided").getByRole("link").click();
  await expect(page.getByTestId("claim-status")).toHaveAttribute("data-status", "approved");
  // Seen: Home no longer tells of it.
  await page.goto("/");
  await expect(page.getByTestId("claim-decided")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("without JavaScript: an invoice typed in, a product found by search, a photo, and the checker's rejection", async ({ page, browser }, info) => {
  test.skip(info.project.name !== "no-js", "the typed claim is the no-JS path; with JavaScript the camera test covers the claim");
  await signInByPhone(page, "+79000000017");
  await page.goto("/");
  await page.getByTestId("claims-link").click();
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByTestId("no-claims")).toBeVisible();
  await page.getByTestId("claim-purchase").click();
  await expect(page).toHaveURL(/\/claims\/new$/);

  // Products first: by name, then by the barcode typed from the box.
  await page.getByLabel("Product: name, SKU or barcode").fill("R16");
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByTestId("found").getByTestId("add-product").first().click();
  await page.getByLabel("Product: name, SKU or barcode").fill(TYRE_EAN);
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByTestId("found").getByTestId("add-product").first().click();
  await expect(page.getByTestId("lines")).toContainText(`${TYRE} × 2`);

  // A date ahead of today is refused; what was typed stays.
  const typed = page.getByTestId("typed-document");
  await typed.getByLabel("Document number").fill("УПД-4410");
  await typed.getByLabel("Date").fill(daysAgo(-3, "-"));
  await typed.getByLabel("Total").fill("13 000,00");
  await typed.getByLabel("Supplier's tax number").fill("1655123453");
  await page.getByTestId("send-claim").click();
  await expect(page.getByRole("alert")).toContainText("The document's date is after today");
  await expect(typed.getByLabel("Document number")).toHaveValue("УПД-4410");
  await expect(typed.getByLabel("Total")).toHaveValue("13 000,00");
  await expect(page.getByTestId("lines")).toContainText(`${TYRE} × 2`);
  await typed.getByLabel("Date").fill(daysAgo(1, "-"));
  await page.getByTestId("send-claim").click();
  await expect(page).toHaveURL(/\/claims\/\d+\?sent=1$/);
  const claim = page.url().match(/\/claims\/(\d+)/)![1];
  await expect(page.getByTestId("claim-status")).toHaveAttribute("data-status", "waiting");
  await expect(page.locator("main")).toContainText("₽13,000.00");

  // A photo of the invoice: added, shown as a thumbnail.
  await page.getByLabel("Add a photo of the document").setInputFiles(join(__dirname, "..", "..", "public", "icons", "icon-192.png"));
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claim}\\?photo=1$`));
  await expect(page.getByRole("status")).toContainText("Photo added.");
  await expect(page.locator(".photos img")).toHaveCount(1);

  // The moderator rejects it with a reason from the list.
  const admin = await adminPage(browser, info);
  await admin.goto(`/admin/receipts/${claim}`);
  await expect(admin.locator(".photos img")).toHaveCount(1);
  await admin.getByLabel("Reason").selectOption("wrong_quantities");
  await admin.getByLabel("Note to the participant (optional)").fill("The invoice lists one tyre.");
  await admin.getByTestId("reject").click();
  await expect(admin.getByTestId("decided")).toContainText(`Claim ${claim} decided.`);

  await page.goto(`/claims/${claim}`);
  await expect(page.getByTestId("claim-status")).toHaveAttribute("data-status", "rejected");
  await expect(page.locator("main")).toContainText("The products or quantities do not match the document");
  await expect(page.locator("main")).toContainText("The invoice lists one tyre.");
  await page.goto("/claims");
  await expect(page.getByTestId("claims")).toContainText("Rejected");
});

test("without signal a purchase is claimed on the Scan screen, waits on the phone, and is stored once however often it is sent", async ({ page, context }, info) => {
  test.skip(info.project.name === "no-js", "the offline queue lives in the browser: it needs JavaScript");
  test.setTimeout(60_000);
  await signInByPhone(page, "+79000000018");
  // Scan once with signal, under the service worker: the page and the product list stay on the phone.
  await page.goto("/scan");
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.reload();
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await expect
    .poll(() => page.evaluate(async () => ((await (window as any).workwellQueue.catalog()) as string).includes("TYRE-R16")))
    .toBe(true);
  await expect(page.getByTestId("offline-claim")).toBeHidden();

  const errors: string[] = (page as any).__errors;
  const before = errors.length;
  await context.setOffline(true);
  await expect(page.getByTestId("offline-claim")).toBeVisible();
  // The receipt's QR typed (as the camera would read it): the claim is made here, not on its page.
  const receipt = `t=${daysAgo(3)}T1815&s=13000.00&fn=9282440300682839&i=8812&fp=3711093712&n=1`;
  await page.getByLabel("Code from the label").fill(receipt);
  await page.getByRole("button", { name: "Get points" }).click();
  const form = page.getByTestId("offline-purchase");
  await expect(form.getByTestId("offline-receipt-read")).toContainText("₽13,000.00");
  // Nothing bought yet: the phone says so before keeping anything.
  await form.getByTestId("keep-purchase").click();
  await expect(form.getByRole("alert")).toContainText("Add at least one product");
  // The tyre by its barcode, then again by name: one line of two.
  await form.getByTestId("offline-find").fill(TYRE_EAN);
  await form.getByTestId("offline-add").first().click();
  await form.getByTestId("offline-find").fill("r16");
  await form.getByTestId("offline-add").first().click();
  await expect(form.getByTestId("offline-lines")).toContainText(TYRE);
  await expect(form.getByRole("spinbutton")).toHaveValue("2");
  await form.getByTestId("offline-photos").setInputFiles(join(__dirname, "..", "..", "public", "icons", "icon-512.png"));
  await form.getByTestId("keep-purchase").click();
  await expect(page.getByTestId("offline-purchase")).toHaveCount(0);
  await expect(page.getByTestId("kept-purchase")).toContainText("₽13,000.00");
  await expect(page.getByTestId("kept-purchase")).toContainText("products: 1 · photos: 1");

  // Reloaded without signal: the page comes from the phone and the purchase still waits.
  await page.reload();
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await expect(page.getByTestId("kept-purchase")).toHaveCount(1);

  // Back online, the first two answers are lost on the way back: the server stored the claim,
  // the phone never heard. It sends again, each time the signal returns; the third answer arrives.
  let submits = 0;
  await page.route("**/api/receipts/submit", async (route) => {
    submits += 1;
    if (submits <= 2) {
      await route.fetch();
      await route.abort("internetdisconnected");
    } else {
      await route.continue();
    }
  });
  await context.setOffline(false);
  await expect
    .poll(async () => {
      await page.evaluate(() => window.dispatchEvent(new Event("online")));
      return page.getByTestId("purchase-sent").count();
    })
    .toBe(1);
  await expect(page.getByTestId("purchase-sent")).toContainText(/Purchase sent for checking: about [\d,]+ points/);
  await expect(page.getByTestId("kept-purchases")).toHaveCount(0);
  expect(submits).toBe(3);
  expectOnlyOfflineErrors(errors, before);

  // One claim stored, with its two tyres and its photo.
  await page.getByTestId("purchase-sent").getByRole("link").click();
  await expect(page.getByTestId("claim-status")).toHaveAttribute("data-status", "waiting");
  await expect(page.locator("main")).toContainText(`${TYRE}`);
  await expect(page.locator(".photos img")).toHaveCount(1);
  await page.goto("/claims");
  await expect(page.getByTestId("claims").locator("li")).toHaveCount(1);
});

test("a photo is made smaller on the phone before it waits for signal", async ({ page }, info) => {
  test.skip(info.project.name === "no-js", "the phone's queue needs JavaScript");
  await page.goto("/sign-in");
  // A 4 000 × 3 000 picture of noise, as a PNG: kept as a JPEG of at most 1 600 pixels a side.
  const kept = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const g = canvas.getContext("2d")!;
    const pixels = g.createImageData(4000, 3000);
    for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i * 7919) % 251;
    g.putImageData(pixels, 0, 0);
    const png: Blob = await new Promise((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
    const small: Blob = await (window as any).workwellQueue.compress(png);
    const drawn = await createImageBitmap(small);
    return { before: png.size, after: small.size, type: small.type, width: drawn.width, height: drawn.height };
  });
  expect(kept.type).toBe("image/jpeg");
  expect([kept.width, kept.height]).toEqual([1600, 1200]);
  expect(kept.after).toBeLessThan(kept.before);
});

/** While offline the app could not reach the server: expected. Anything else still fails. */
function expectOnlyOfflineErrors(errors: string[], from: number) {
  const offline = errors.splice(from);
  expect(offline.filter((e) => !/ERR_FAILED|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
}
