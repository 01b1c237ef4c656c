import { expect, test, type Page } from "@playwright/test";
import { demoUnitCodes, failOnConsoleErrors, signInByPhone } from "./helpers";

failOnConsoleErrors(test);

/** Opens Scan once with signal, under the service worker, so the phone keeps it. */
async function openScanUnderWorker(page: Page) {
  await page.goto("/scan");
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.reload();
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
}

async function claimTyped(page: Page, code: string) {
  await page.getByLabel("Code from the label").fill(code);
  await page.getByRole("button", { name: "Get points" }).click();
}

/** Types codes with no signal: each is shown as waiting. */
async function queueWithoutSignal(page: Page, codes: string[]) {
  for (const code of codes) {
    await claimTyped(page, code);
    await expect(page.getByTestId("queued").filter({ hasText: code })).toBeVisible();
  }
}

/** While offline the app could not reach the server: expected. Anything else still fails. */
function expectOnlyOfflineErrors(errors: string[], from: number) {
  const offline = errors.splice(from);
  expect(offline.filter((e) => !/ERR_FAILED|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
}

test("scans made without signal wait on the phone, survive a reload and a lost session, and are credited once when the signal returns", async ({ page, context }, info) => {
  test.skip(info.project.name === "no-js", "the queue lives in the browser: it needs JavaScript");
  const [, , first, second] = demoUnitCodes();
  const typo = "0000-0000-0000-0001";
  await signInByPhone(page, "+79000000005");
  await openScanUnderWorker(page);

  const errors: string[] = (page as any).__errors;
  const onlineErrors = errors.length;
  await context.setOffline(true);
  await queueWithoutSignal(page, [first, second, typo]);
  await expect(page.getByTestId("queue")).toContainText("Waiting for signal");
  await expect(page.getByTestId("claim-result")).toHaveCount(0);

  // Reloaded without signal: the page comes from the phone and the queue is still there.
  await page.reload();
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await expect(page.getByTestId("queued")).toHaveCount(3);

  // The session ends while the phone is offline (its cookie is gone, as after an expiry): when the
  // signal returns the batch is refused for want of a session, and every scan stays queued.
  const session = await context.cookies();
  await context.clearCookies();
  await context.setOffline(false);
  await expect(page.getByRole("alert")).toContainText("Please sign in to continue.");
  await expect(page.getByTestId("queued")).toHaveCount(3);
  await expect(page.getByTestId("batch-result")).toHaveCount(0);

  // Signed in again (the same person's session back on the phone) and the app woken (its `online`
  // listener, by hand): one batch, two credited, the typo refused, the queue empty. The page stays
  // open: in the moment of a reload no Scan screen is open, and the service worker may send the
  // queue itself (also credited once, but a different answer on screen).
  await context.addCookies(session);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  const result = page.getByTestId("batch-result");
  // Chromium's emulated offline now and then lets a typed claim reach the server while the page
  // sees no answer (seen in about one run in five: the codes already credited, with no batch before
  // this one in the server log). The code is credited then, and this batch calls it "already
  // yours". So the batch must account for both codes either way; that each is credited exactly
  // once is checked below.
  await expect(result).toContainText(/Sent: \d credited .*\d already yours, 1 refused/);
  const summary = (await result.textContent())!.match(/Sent: (\d) credited .*?(\d) already yours, 1 refused/)!;
  expect(Number(summary[1]) + Number(summary[2])).toBe(2);
  await expect(result.getByTestId("batch-item").filter({ hasText: typo })).toContainText("typo");
  await expect(page.getByTestId("queue")).toHaveCount(0);
  await page.reload();
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await expect(page.getByTestId("queued")).toHaveCount(0);
  // The codes are credited once: scanning one again says it is already yours, and the history has
  // each of them once.
  await claimTyped(page, first);
  await expect(page.getByRole("alert")).toContainText("You already claimed this code on");
  await page.goto("/history");
  for (const code of [first, second]) await expect(page.locator("main").getByText(code)).toHaveCount(1);

  expectOnlyOfflineErrors(errors, onlineErrors);
});

test("with the app closed, the service worker sends the queue when the signal returns (Background Sync)", async ({ page, context, baseURL }, info) => {
  test.skip(info.project.name === "no-js", "the queue lives in the browser: it needs JavaScript");
  const [, , , , first, second] = demoUnitCodes();
  await signInByPhone(page, "+79000000006");
  await openScanUnderWorker(page);
  const cdp = await context.newCDPSession(page);
  const registration = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", (e: any) => {
      if (e.registrations.length) resolve(e.registrations[0].registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");

  const errors: string[] = (page as any).__errors;
  const onlineErrors = errors.length;
  await context.setOffline(true);
  await queueWithoutSignal(page, [first, second]);
  // Kept in IndexedDB, where the worker can read it, and a sync asked for.
  const stored = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("workwell");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("queue").objectStore("queue").getAll();
          all.onsuccess = () => resolve(all.result);
        };
      }),
  );
  expect(stored).toEqual([[first, second]]);
  expect(await page.evaluate(async () => (await (navigator.serviceWorker.ready as any)).sync.getTags())).toContain("workwell-queue");

  // The app is closed (no page of it open), then the signal returns and the browser wakes the
  // worker. Chromium decides itself when to fire a sync; DevTools fires it now.
  await page.goto("about:blank");
  await context.setOffline(false);
  await cdp.send("ServiceWorker.dispatchSyncEvent", {
    origin: new URL(baseURL!).origin,
    registrationId: await registration,
    tag: "workwell-queue",
    lastChance: false,
  });
  // Both credited, once; the queue is empty when the app opens again.
  await expect(async () => {
    await page.goto("/history");
    await expect(page.locator("main")).toContainText(first, { timeout: 1000 });
    await expect(page.locator("main")).toContainText(second, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.goto("/scan");
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await expect(page.getByTestId("queued")).toHaveCount(0);
  await claimTyped(page, first);
  await expect(page.getByRole("alert")).toContainText("You already claimed this code on");
  expectOnlyOfflineErrors(errors, onlineErrors);
});

test("without signal Scan opens even if never opened before, and a screen the phone does not have falls back to the offline page", async ({ page, context }, info) => {
  test.skip(info.project.name === "no-js", "the service worker needs JavaScript");
  // A participant signs in and opens Home only, under the service worker.
  await signInByPhone(page, "+79000000010");
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await page.reload();
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  // The worker keeps the Scan page too, though it was never opened, and the app's files its
  // island runs on (Home itself fetched none of them).
  const kept = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const key of await (await caches.open(name)).keys()) urls.push(new URL(key.url).pathname);
      return urls;
    });
  await expect.poll(async () => (await kept()).includes("/scan"), { timeout: 15_000 }).toBe(true);
  const app: string[] = await page.evaluate(() => (window as any).workwellApp);
  await expect.poll(async () => { const k = await kept(); return app.every((u) => k.includes(u)); }, { timeout: 15_000 }).toBe(true);
  expect(await page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith(".wasm")))).toBe(false);
  expect(await kept()).not.toContain("/shop");

  const errors: string[] = (page as any).__errors;
  const onlineErrors = errors.length;
  await context.setOffline(true);
  const tabs = page.getByRole("navigation", { name: "Workwell" });
  // Scan: the kept page, and its island starts from the kept files (the camera's button shows).
  await tabs.getByRole("link", { name: "Scan" }).click();
  await expect(page).toHaveURL(/\/scan$/);
  await expect(page.getByLabel("Code from the label")).toBeVisible();
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Scan with camera" })).toBeVisible();
  expectOnlyOfflineErrors(errors, onlineErrors);

  // The shop was never opened, so the phone does not have it: the offline page stands in.
  await tabs.getByRole("link", { name: "Shop" }).click();
  await expect(page.getByTestId("offline")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/shop");
  expectOnlyOfflineErrors(errors, onlineErrors);

  // The offline page's way to Scan: the kept Scan page, and the app runs on it.
  await page.getByRole("link", { name: /Scan/ }).click();
  await expect(page).toHaveURL(/\/scan$/);
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
  await expect(page.getByLabel("Code from the label")).toBeVisible();
  expectOnlyOfflineErrors(errors, onlineErrors);
  await context.setOffline(false);
});
