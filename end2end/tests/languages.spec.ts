import { expect, test } from "@playwright/test";
import { adminPage, demoUnitCodes, failOnConsoleErrors, signInByPhone } from "./helpers";

failOnConsoleErrors(test);

/** What each language's screens say, as a reader of it sees them. */
const LANGS = [
  { code: "fr", save: "Enregistrer", home: "Accueil", shop: "Boutique loisirs", history: "Historique", balance: "Solde", codeLabel: "Code de l’étiquette", claim: "Obtenir les points", base: / de base/, earned: "Gagné", group: "\u202f" },
  { code: "tr", save: "Kaydet", home: "Ana sayfa", shop: "Hobi mağazası", history: "Geçmiş", balance: "Bakiye", codeLabel: "Etiketteki kod", claim: "Puan al", base: / temel/, earned: "Kazanıldı", group: "." },
  { code: "ro", save: "Salvați", home: "Acasă", shop: "Magazinul de hobby", history: "Istoric", balance: "Sold", codeLabel: "Codul de pe etichetă", claim: "Primiți punctele", base: / de bază/, earned: "Câștigat", group: "." },
  { code: "ru", save: "Сохранить", home: "Главная", shop: "Магазин увлечений", history: "История", balance: "Баланс", codeLabel: "Код с этикетки", claim: "Получить баллы", base: / баз\./, earned: "Начислено", group: "\u00a0" },
  { code: "en", save: "Save", home: "Home", shop: "Hobby shop", history: "History", balance: "Balance", codeLabel: "Code from the label", claim: "Get points", base: / base/, earned: "Earned", group: "," },
];

/** Today as the app writes it in `code`: the same words as ICU's long date (Russian without "г."). */
function today(code: string): string {
  const locale = code === "en" ? "en-GB" : code;
  const f = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return f.format(new Date()).replace(/\s*г\.$/, "");
}

test("a participant reads Home, Scan, Shop and History in each of the five languages, and a reward in theirs", async ({ page, browser }, info) => {
  const js = info.project.name !== "no-js";

  // The admin writes a reward in English and Russian; the form says which languages are missing.
  const title = `Kayak day ${info.project.name} ${Date.now()}`;
  const russian = `День на байдарке ${info.project.name}`;
  const admin = await adminPage(browser, info);
  await admin.goto("/admin/rewards");
  await admin.getByLabel("Title", { exact: true }).fill(title);
  const titles = admin.getByTestId("title-languages");
  await expect(titles.getByTestId("missing-languages")).toHaveText("missing: Русский, Français, Türkçe, Română");
  await titles.locator("summary").click();
  await titles.getByLabel("Русский").fill(russian);
  await admin.getByLabel("Price", { exact: true }).fill("100");
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const link = admin.getByTestId("rewards-admin").getByRole("link", { name: title });
  const id = (await link.getAttribute("href"))!.match(/edit=(\d+)/)![1];
  await admin.goto(`/admin/rewards?edit=${id}`);
  await expect(admin.getByTestId("title-languages").getByTestId("missing-languages")).toHaveText("missing: Français, Türkçe, Română");
  await admin.context().close();

  await signInByPhone(page, js ? "+79000000014" : "+79000000015");
  let claimed = false;
  for (const l of LANGS) {
    // The choice is saved in the profile (it follows the person to any device).
    await page.goto("/profile");
    await page.locator("#lang").selectOption(l.code);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/profile/set_language")),
      page.getByRole("button", { name: /^(Save|Enregistrer|Kaydet|Salvați|Сохранить)$/ }).click(),
    ]);

    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", l.code);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("navigation").getByRole("link", { name: l.home })).toBeVisible();
    await expect(page.getByText(l.balance, { exact: true }).first()).toBeVisible();

    await page.goto("/scan");
    await expect(page.locator("html")).toHaveAttribute("lang", l.code);
    await expect(page.getByLabel(l.codeLabel)).toBeVisible();
    if (!claimed) {
      // One claim, in the first language: its breakdown is written in it.
      await page.getByLabel(l.codeLabel).fill(demoUnitCodes()[js ? 12 : 13]);
      await page.getByRole("button", { name: l.claim }).click();
      await expect(page.getByTestId("breakdown")).toContainText(l.base);
      claimed = true;
    }

    await page.goto("/history");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.history);
    const newest = page.locator(".activity li").first();
    await expect(newest.locator(".kind")).toHaveText(l.earned);
    await expect(newest.locator(".breakdown")).toContainText(l.base);
    await expect(newest.locator("time")).toHaveText(today(l.code));
    // Figures use the language's grouping: the breakdown's "= total" and the entry's "+N".
    const points = (await newest.locator("strong").textContent())!;
    const digits = points.replace(/\D/g, "");
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, l.group);
    expect(points).toBe(`+${grouped}`);

    await page.goto("/shop");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.shop);
    // The admin's reward: Russian for a Russian reader, the English otherwise.
    await page.goto(`/shop/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.code === "ru" ? russian : title);
  }
});
