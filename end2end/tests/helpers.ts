import { expect, type Browser, type Page, type TestInfo, type TestType } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const serverLog = join(__dirname, "..", ".run", "server.log");

/** The newest one-time code the server logged for `phone`, waiting briefly for it to appear. */
export async function codeFromServerLog(phone: string, notBefore = 0): Promise<string> {
  const pattern = new RegExp(`one-time code for \\${phone}: (\\d{6})`, "g");
  for (let i = 0; i < 50; i++) {
    const log = readFileSync(serverLog, "utf8");
    const matches = [...log.matchAll(pattern)];
    if (matches.length > notBefore) return matches[matches.length - 1][1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code for ${phone} in ${serverLog}`);
}

export function codesSentTo(phone: string): number {
  const pattern = new RegExp(`one-time code for \\${phone}: `, "g");
  return [...readFileSync(serverLog, "utf8").matchAll(pattern)].length;
}

/** The unclaimed demo unit codes the server printed at start (sixteen; each spec takes its own). */
export function demoUnitCodes(): string[] {
  const log = readFileSync(serverLog, "utf8");
  return [...log.matchAll(/^ {4}([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}) /gm)].map((m) => m[1]);
}

/** Asks for a code for `phone` (typed as `typed`, if given) and lands on the code page. */
export async function requestCode(page: Page, phone: string, typed = phone): Promise<string> {
  const before = codesSentTo(phone);
  await page.goto("/sign-in");
  await page.getByLabel("Mobile number").fill(typed);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page).toHaveURL(new RegExp(`/sign-in/code\\?phone=${encodeURIComponent(phone)}$`));
  return codeFromServerLog(phone, before);
}

export async function signInByPhone(page: Page, phone: string, typed = phone) {
  const code = await requestCode(page, phone, typed);
  await page.getByLabel("Six-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** Signs in as the demo's program admin and lands on the admin overview. */
export async function signInAsAdmin(page: Page) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("E-mail").fill("admin@workwell.demo");
  await page.getByLabel("Password").fill("workwell-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** An admin in a browser of their own, beside the participant's (same viewport, same JavaScript
 * setting), so neither has to sign out. */
export async function adminPage(browser: Browser, info: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: info.project.use.baseURL,
    viewport: { width: 390, height: 844 },
    javaScriptEnabled: info.project.name !== "no-js",
    locale: "en-US",
  });
  const page = await context.newPage();
  await signInAsAdmin(page);
  return page;
}

/** Each project signs in with its own demo people, so per-phone limits are never shared. */
export function demoPhones(projectName: string) {
  return projectName === "no-js"
    ? { participant: "+79000000002", wrongCode: "+79000000003", refused: "+79000000009", shopper: "+79000000005" }
    : { participant: "+79000000001", wrongCode: "+79000000003", refused: "+79000000009", shopper: "+79000000004" };
}

/** Fails every test of the file on an error in the browser console (a hydration mismatch, a panic in
 * the WASM). The 4xx answers tests provoke on purpose are logged by the browser as failed loads. */
export function failOnConsoleErrors(test: TestType<any, any>) {
  test.beforeEach(async ({ page }, info) => {
    const errors: string[] = [];
    // A script or style the Content-Security-Policy refused fails the test too (Chromium also
    // logs these as console errors; the event says which directive refused what).
    if (info.project.name !== "no-js") {
      await page.exposeFunction("__cspViolation", (what: string) => errors.push(`CSP violation: ${what}`));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          (window as any).__cspViolation(`${e.violatedDirective} refused ${e.blockedURI || "inline"}`),
        );
      });
    }
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
    });
    (page as any).__errors = errors;
  });
  test.afterEach(async ({ page }) => {
    expect((page as any).__errors, "browser console errors").toEqual([]);
  });
}
