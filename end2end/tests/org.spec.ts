import { expect, test, type Browser, type Page } from "@playwright/test";
import { codeFromServerLog, codesSentTo, demoUnitCodes, failOnConsoleErrors, signInByPhone } from "./helpers";

failOnConsoleErrors(test);

/** Errors in the browser console of the extra phones (a hydration mismatch, a panic in the WASM). */
const consoleErrors: string[] = [];

/** A fresh context on the same phone viewport and JavaScript setting as the project. */
async function newPhone(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
    locale: "en-US",
    baseURL: "http://127.0.0.1:3100",
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) consoleErrors.push(m.text());
  });
  return page;
}

/** The second step of joining: the code from the text message. */
async function enterJoinCode(page: Page, phone: string, before: number) {
  await expect(page).toHaveURL(/\/join\/verify\?/);
  await page.getByLabel("Six-digit code").fill(await codeFromServerLog(phone, before));
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(/\/$/);
}

test("a manager invites a foreman, approves a self-registered seller, sees the foreman's claim and exports it", async ({ page, browser }, info) => {
  const js = info.project.name !== "no-js";
  const n = js ? "1" : "2";
  const foremanPhone = `+7901000000${n}`;
  const sellerPhone = `+7901000001${n}`;
  const foremanName = `Fedor Foreman ${info.project.name}`;
  const sellerName = `Sasha Seller ${info.project.name}`;

  // The Teplo Montazh manager makes an invitation for a foreman.
  await signInByPhone(page, "+79000000010");
  await page.getByRole("navigation", { name: "Workwell" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Teplo Montazh");
  await page.getByRole("link", { name: "Invitations" }).click();
  await page.locator("select[name=kind]").selectOption("foreman");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = page.getByTestId("invite-link").first();
  await expect(link).toBeVisible();
  await expect(page.getByTestId("invite").first().locator(".qr svg")).toHaveCount(1);
  const invitePath = new URL((await link.getAttribute("href"))!).pathname;

  // A new number opens the link on their own phone, and lands in the company as a foreman.
  const foreman = await newPhone(browser, js);
  await foreman.goto(invitePath);
  await expect(foreman.getByRole("heading", { level: 1 })).toHaveText("Join Teplo Montazh in Workwell");
  await expect(foreman.getByTestId("invite-role")).toContainText("as a foreman");
  await foreman.getByLabel("First and last name").fill(foremanName);
  await foreman.getByLabel("Mobile number").fill(foremanPhone);
  const before = codesSentTo(foremanPhone);
  await foreman.getByRole("button", { name: "Send code" }).click();
  await enterJoinCode(foreman, foremanPhone, before);
  await expect(foreman.getByText("Teplo Montazh").first()).toBeVisible();

  // The foreman claims a unit code at once.
  const code = demoUnitCodes()[js ? 0 : 1];
  await foreman.goto("/scan");
  await foreman.getByLabel("Code from the label").fill(code);
  await foreman.getByRole("button", { name: "Get points" }).click();
  await expect(foreman.getByTestId("claim-result")).toBeVisible();
  const earned = Number((await foreman.getByTestId("claim-result").textContent())!.match(/\+(\d[\d,]*) points/)![1].replace(/\D/g, ""));
  expect(earned).toBeGreaterThan(0);

  // Someone else registers with the company's join code and waits for approval.
  const seller = await newPhone(browser, js);
  await seller.goto("/join");
  await seller.getByLabel("Company join code").fill("teplo-mnt");
  await seller.locator("select[name=kind]").selectOption("seller");
  await seller.getByLabel("First and last name").fill(sellerName);
  await seller.getByLabel("Mobile number").fill(sellerPhone);
  const sellerBefore = codesSentTo(sellerPhone);
  await seller.getByRole("button", { name: "Send code" }).click();
  await enterJoinCode(seller, sellerPhone, sellerBefore);
  await expect(seller.getByTestId("membership")).toContainText("Your request to join Teplo Montazh was sent");
  await expect(seller.getByRole("navigation", { name: "Workwell" })).toHaveCount(0);

  // The manager approves them, and sees the foreman's points in the staff list.
  await page.goto("/team");
  await page.getByTestId("approvals").getByRole("button", { name: `Approve ${sellerName}` }).click();
  await expect(page.getByTestId("approvals")).toHaveCount(0);
  const row = page.getByTestId("staff-row").filter({ hasText: foremanName });
  await expect(row).toContainText("foreman");
  // His own employee: the manager sees the whole number.
  await expect(row).toContainText(foremanPhone);
  await expect(row.getByTestId("earned")).toHaveText(String(earned).replace(/\B(?=(\d{3})+(?!\d))/g, ","));
  await expect(page.getByTestId("staff-row").filter({ hasText: sellerName })).toContainText("Active");
  await seller.reload();
  await expect(seller.getByRole("navigation", { name: "Workwell" })).toBeVisible();

  // The payroll export has the foreman's points.
  const csvHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv.split("\n")[0]).toBe("\ufeffname,personnel number,phone,role,status,period from,period to,points earned,points spent,balance,last activity");
  expect(csv).toContain(`${foremanName},,${foremanPhone},foreman,Active,`);

  // The drill-down shows the claim.
  await row.getByRole("link", { name: foremanName }).click();
  await expect(page.getByTestId("member-status")).toHaveText("Active");
  await expect(page.locator(".activity li").first()).toContainText(`+${String(earned).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`);
  const foremanId = page.url().split("/").pop()!;

  // The manager gives him his personnel number: saved, shown, and in the payroll file.
  await page.getByLabel("Personnel number").fill(`TM-${n}7`);
  await page.getByRole("button", { name: "Save number" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Personnel number")).toHaveValue(`TM-${n}7`);
  const csvWithNumber = await (await page.request.get(csvHref!)).text();
  expect(csvWithNumber).toContain(`${foremanName},TM-${n}7,${foremanPhone},foreman,Active,`);

  // "Mark as left" asks first: the box must be ticked, or nothing is sent.
  const confirmLeft = page.getByLabel(`Yes, ${foremanName} no longer works here`);
  await page.getByRole("button", { name: "Mark as left" }).click();
  await expect(page.getByTestId("member-status")).toHaveText("Active");
  expect(await confirmLeft.evaluate((box: HTMLInputElement) => box.validity.valueMissing)).toBe(true);
  await confirmLeft.check();
  await page.getByRole("button", { name: "Mark as left" }).click();
  await expect(page.getByTestId("member-status")).toHaveText("Left");
  // A mistake: within the grace period the manager takes it back, every point kept.
  await expect(page.getByText("Marked as left by mistake?")).toBeVisible();
  await page.getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Reinstated: ${foremanName} is active again.` })).toBeVisible();
  await expect(page.getByTestId("member-status")).toHaveText("Active");
  await expect(page.getByRole("button", { name: "Reinstate" })).toHaveCount(0);

  // Someone who does not work there asks to join; declining asks for the box to be ticked too.
  const strangerPhone = `+7901000002${n}`;
  const strangerName = `Stas Stranger ${info.project.name}`;
  const stranger = await newPhone(browser, js);
  await stranger.goto("/join");
  await stranger.getByLabel("Company join code").fill("teplo-mnt");
  await stranger.locator("select[name=kind]").selectOption("seller");
  await stranger.getByLabel("First and last name").fill(strangerName);
  await stranger.getByLabel("Mobile number").fill(strangerPhone);
  const strangerBefore = codesSentTo(strangerPhone);
  await stranger.getByRole("button", { name: "Send code" }).click();
  await enterJoinCode(stranger, strangerPhone, strangerBefore);
  await page.goto("/team");
  const request = page.getByTestId("approvals").locator("li").filter({ hasText: strangerName });
  await expect(request).toContainText(strangerPhone);
  await request.getByLabel("Reason").fill("Not one of ours");
  await request.getByRole("button", { name: "Decline" }).click();
  const confirmDecline = request.getByLabel(`Yes, decline ${strangerName}'s request`);
  expect(await confirmDecline.evaluate((box: HTMLInputElement) => box.validity.valueMissing)).toBe(true);
  await expect(request).toBeVisible();
  await confirmDecline.check();
  await request.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByTestId("approvals")).toHaveCount(0);
  // The declined person reads why, and a scan tells them how to join, not that they "left".
  await stranger.reload();
  await expect(stranger.getByTestId("membership")).toContainText("declined your request: Not one of ours");
  await expect(stranger.getByTestId("membership")).not.toContainText("no longer");
  await stranger.goto("/scan");
  await stranger.getByLabel("Code from the label").fill(code);
  await stranger.getByRole("button", { name: "Get points" }).click();
  await expect(stranger.getByRole("alert")).toContainText("You are not a member of a partner company");
  await expect(stranger.getByRole("alert")).not.toContainText("no longer");

  // A manager of another company sees none of it, on screen or by calling the function directly.
  if (js) {
    const other = await newPhone(browser, true);
    await signInByPhone(other, "+79000000009");
    await other.goto("/team");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Shina Plus");
    await expect(other.getByTestId("staff")).not.toContainText(foremanName);
    await other.goto(`/team/${foremanId}`);
    await expect(other.getByRole("alert")).toContainText(/not found/i);
    const direct = await other.request.post("/api/org/member", {
      form: { id: foremanId },
      headers: { accept: "application/json" },
    });
    expect(direct.status()).toBe(404);
    expect((await direct.json()).code).toBe("not_found");
    const csvOther = await (await other.request.get("/team/staff.csv")).text();
    expect(csvOther).not.toContain(foremanName);
  }
  expect(consoleErrors, "console errors on the new people's phones").toEqual([]);
});
