import { chromium, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { demoUnitCodes, signInByPhone } from "./helpers";
import { eanFrame, qrFrame, writeY4m } from "./video";

// The camera, for real: Chromium's fake camera plays a video drawn by `video.ts` from a real demo
// unit code (as a QR of its label address) or an EAN-13, and the Scan screen reads it. Desktop
// Linux Chromium has no `BarcodeDetector`, so every frame here goes through our WASM decoder.
// One Chromium per video: the video is a launch flag.

const dir = join(__dirname, "..", ".run", "camera");
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const state = join(dir, "foreman.json");
const foreman = "+79000000006"; // Oleg Foreman: his own phone, so sign-in limits are not shared

test.describe.configure({ mode: "serial" });
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "the camera needs JavaScript; without it codes are typed (earning.spec)");

let baseURL = "";
const browsers: Browser[] = [];

function launchArgs(info: { project: { use: { launchOptions?: { args?: string[] } } } }) {
  return info.project.use.launchOptions?.args ?? [];
}

async function cameraPhone(video: string | null, info: any): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const fake = video
    ? ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${video}`]
    : ["--use-fake-device-for-media-stream"];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...launchArgs(info), ...fake],
  });
  browsers.push(browser);
  const context = await browser.newContext({ ...phone, baseURL, locale: "en-US", storageState: state });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
}

async function openScan(page: Page) {
  await page.goto("/scan");
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
}

test.beforeAll(async ({ browser }, info) => {
  if (info.project.name === "no-js") return;
  baseURL = info.project.use.baseURL!;
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ ...phone, baseURL, locale: "en-US" });
  const page = await context.newPage();
  await signInByPhone(page, foreman);
  await context.storageState({ path: state });
  await context.close();
});

test.afterAll(async () => {
  for (const b of browsers) await b.close();
});

test("a label's QR in front of the camera is read by the WASM decoder and credited", async ({}, info) => {
  const code = demoUnitCodes()[6];
  const video = join(dir, "label.y4m");
  writeY4m(video, [qrFrame(`${baseURL}/c/${code}`)]);
  const { page, errors } = await cameraPhone(video, info);
  const pkg: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/pkg/")) pkg.push(new URL(r.url()).pathname);
  });
  await page.goto("/");
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  const homeFiles = [...pkg];

  await page.getByRole("link", { name: "Scan" }).first().click();
  await expect(page).toHaveURL(/\/scan$/);
  expect(await page.evaluate(() => "BarcodeDetector" in window)).toBe(false);
  await page.getByTestId("camera-start").click();
  const camera = page.getByTestId("camera");
  await expect(camera).toHaveAttribute("data-decoder", "wasm");
  const result = page.getByTestId("claim-result");
  await expect(result).toContainText(code, { timeout: 20_000 });
  await expect(result).toContainText("+");
  // Held in view, the same sticker is not sent again.
  await page.waitForTimeout(3000);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(result).toHaveCount(1);
  // The decoder came with the Scan screen, not with Home.
  const scanFiles = pkg.slice(homeFiles.length);
  const decoder = (files: string[]) => files.filter((f) => /^\/pkg\/decoder\.[A-Za-z0-9_-]{10,}\.wasm$/.test(f));
  expect(decoder(homeFiles), `Home loaded: ${homeFiles}`).toEqual([]);
  expect(decoder(scanFiles), `Scan loaded: ${scanFiles}`).toHaveLength(1);
  // The history has the claim.
  await page.getByRole("button", { name: "Stop camera" }).click();
  await expect(camera).toHaveAttribute("data-state", "off");
  await page.goto("/history");
  await expect(page.locator("main")).toContainText(code);
  expect(errors).toEqual([]);
});

test("a product's EAN-13 in front of the camera gets the product-barcode message, and nothing is claimed", async ({}, info) => {
  const video = join(dir, "ean.y4m");
  writeY4m(video, [eanFrame("4006381333931")]);
  const { page, errors } = await cameraPhone(video, info);
  await openScan(page);
  await page.getByTestId("camera-start").click();
  await expect(page.getByTestId("product-barcode")).toContainText("This is the product barcode", { timeout: 20_000 });
  await expect(page.getByTestId("claim-result")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("with the camera refused, the Scan screen says so and the typed code still works", async ({}, info) => {
  const code = demoUnitCodes()[7];
  // A camera exists, but nobody answers the permission prompt: Chromium refuses it.
  const { page, errors } = await cameraPhone(null, info);
  await openScan(page);
  await page.getByTestId("camera-start").click();
  const camera = page.getByTestId("camera");
  await expect(camera).toHaveAttribute("data-state", "denied");
  await expect(page.getByTestId("camera-status")).toContainText("The camera is not allowed");
  // The code field has the focus, with a keyboard for codes.
  const field = page.getByLabel("Code from the label");
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("autocapitalize", "characters");
  await field.fill(code);
  await page.getByRole("button", { name: "Get points" }).click();
  await expect(page.getByTestId("claim-result")).toContainText(code);
  expect(errors.filter((e) => !/Permission/.test(e))).toEqual([]);
});

test("with no signal before the decoder was ever fetched, the camera says so and points to the typed code", async ({}, info) => {
  const video = join(dir, "label-offline.y4m");
  writeY4m(video, [eanFrame("4006381333931")]);
  const { context, page, errors } = await cameraPhone(video, info);
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await openScan(page);
  await context.setOffline(true);
  await page.getByTestId("camera-start").click();
  const camera = page.getByTestId("camera");
  await expect(camera).toHaveAttribute("data-state", "no-decoder");
  await expect(page.getByTestId("camera-status")).toContainText("cannot read codes with the camera without signal yet");
  await expect(page.locator("video")).toBeHidden();
  await expect(page.getByTestId("torch")).toBeHidden();
  expect(fetched.filter((f) => f.startsWith("/pkg/decoder."))).not.toEqual([]);
  await expect(page.getByLabel("Code from the label")).toBeFocused();
  // With signal back, the same button starts the camera: the decoder arrives and reads.
  await context.setOffline(false);
  await page.getByTestId("camera-start").click();
  await expect(camera).toHaveAttribute("data-decoder", "wasm");
  await expect(page.getByTestId("product-barcode")).toContainText("This is the product barcode", { timeout: 20_000 });
  expect(errors.filter((e) => !/Failed to fetch|net::ERR_FAILED|ERR_INTERNET_DISCONNECTED|dynamically imported module/.test(e))).toEqual([]);
});

test("a delivery: code after code in one camera session, a running list and total, repeats ignored", async ({}, info) => {
  const [, , , , , , , , fresh, mine] = demoUnitCodes();
  // One of them is already the foreman's (typed earlier today).
  const { page: typing } = await cameraPhone(null, info);
  await openScan(typing);
  await typing.getByLabel("Code from the label").fill(mine);
  await typing.getByRole("button", { name: "Get points" }).click();
  await expect(typing.getByTestId("claim-result")).toContainText(mine);

  // The video shows a new sticker, the one already claimed, and one with a typo, in a loop.
  const typo = fresh.slice(0, -1) + (fresh.endsWith("A") ? "B" : "A");
  const video = join(dir, "delivery.y4m");
  writeY4m(video, [qrFrame(`${baseURL}/c/${fresh}`), qrFrame(`${baseURL}/c/${mine}`), qrFrame(typo)], 15);
  const { page, errors } = await cameraPhone(video, info);
  await openScan(page);
  await page.getByTestId("delivery-mode").click();
  await expect(page.getByTestId("delivery-mode")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("camera-start").click();
  const rows = page.getByTestId("delivery-row");
  await expect(rows.filter({ hasText: fresh })).toHaveAttribute("data-state", "credited", { timeout: 30_000 });
  await expect(rows.filter({ hasText: mine })).toHaveAttribute("data-state", "already", { timeout: 30_000 });
  await expect(rows.filter({ hasText: typo })).toHaveAttribute("data-state", "refused", { timeout: 30_000 });
  // The video loops (4.5 s): after another round the list still has each code once.
  await page.waitForTimeout(5000);
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId("delivery-total")).toContainText("3 scanned · 1 credited · +");
  expect(errors).toEqual([]);
});
